import type { Bilingual, BlockVM } from "@/lib/pdf/types";
import { formatIssuedAt, shanghaiDateTime } from "@/lib/pdf/format";

/**
 * The audit log of one case as printed (案件审计日志): its history, event by event, with each
 * event's place in the office's hash chain (seq and the start of its hash), and the result of
 * the chain check when it was printed. Pure: the exact strings to print, built from plain data.
 */
export interface CaseLogInput {
  office: { code: string; name: string; nameEn: string };
  caseNumber: string;
  type: Bilingual;
  status: Bilingual;
  person: { name: string; maskedIdNumber: string };
  printedAt: Date;
  printedBy: string;
  chain: { ok: boolean; events: number; headHash?: string; brokenAtSeq?: number; problem?: string };
  events: Array<{ seq: number; at: Date; actor: string; action: string; from: string | null; to: string | null; reason: string | null; hash: string }>;
}

export interface CaseLogViewModel {
  title: Bilingual;
  references: string[];
  footer: string;
  blocks: BlockVM[];
}

const label = (zh: string, en: string): Bilingual => ({ zh, en });

export function buildCaseLog(input: CaseLogInput): CaseLogViewModel {
  const chainValue = input.chain.ok
    ? `完整 intact · ${input.chain.events} 条事件 events · 链头 head ${input.chain.headHash?.slice(0, 16) ?? ""}…`
    : `已损坏 BROKEN · seq ${input.chain.brokenAtSeq} · ${input.chain.problem}`;
  return {
    title: label("案件审计日志", "Case audit log"),
    references: [
      `案件编号 Case number: ${input.caseNumber}`,
      `经办机构 Office: ${input.office.name} (${input.office.code})`,
      `打印时间 Printed: ${formatIssuedAt(input.printedAt)} · ${input.printedBy}`,
    ],
    footer: `${input.caseNumber} · 审计日志 audit log`,
    blocks: [
      {
        type: "fields",
        columns: 2,
        fields: [
          { label: label("业务类型", "Type"), value: `${input.type.zh} ${input.type.en}` },
          { label: label("当前状态", "Status"), value: `${input.status.zh} ${input.status.en}` },
          { label: label("参保人", "Insured person"), value: input.person.name },
          { label: label("身份证号码", "ID number"), value: input.person.maskedIdNumber },
          { label: label("本机构哈希链校验", "Office chain check"), value: chainValue, wide: true },
        ],
      },
      {
        type: "table",
        title: label("事件记录（北京时间）", "Events (Beijing time, UTC+08:00)"),
        columns: [
          { label: label("序号", "Seq"), align: "right", width: 6 },
          { label: label("时间", "Time"), align: "left", width: 17 },
          { label: label("操作人", "Actor"), align: "left", width: 11 },
          { label: label("操作", "Action"), align: "left", width: 11 },
          { label: label("状态", "Status"), align: "left", width: 20 },
          { label: label("理由 / 说明", "Reason"), align: "left", width: 20 },
          { label: label("哈希（前12位）", "Hash (first 12)"), align: "left", width: 15 },
        ],
        rows: input.events.map((e) => [
          String(e.seq),
          shanghaiDateTime(e.at),
          e.actor,
          e.action,
          e.from && e.to && e.from !== e.to ? `${e.from} → ${e.to}` : (e.to ?? ""),
          e.reason ?? "",
          e.hash.slice(0, 12),
        ]),
      },
      {
        type: "notes",
        items: [
          label(
            "每条事件的哈希覆盖其内容及前一事件的哈希（按机构串联）；任何修改都会在链校验中被发现。",
            "Each event's hash covers its content and the previous event's hash (one chain per office); any edit is found by the chain check.",
          ),
        ],
      },
    ],
  };
}
