/**
 * Deterministic generated people so that lists look real: valid ID numbers (GB 11643) with the
 * office's district codes, and contribution histories from 1998 with yearly base rises, job
 * changes, gaps and some flexible-worker years. Same seed, same people, on every machine.
 */
import { generateIdNumber } from "@/lib/domain/id-number";
import type { RecordInput } from "./factories";

const surnames = Array.from("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢");
const given = Array.from("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉梅斌波宇浩凯鹏飞琳晨欣怡子涵思雨俊");

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedPerson {
  idNumber: string;
  name: string;
  sex: "M" | "F";
  birthDate: string;
  hukouProvince: string;
  records: Array<RecordInput & { employerIndex: number | null }>;
}

const pad = (n: number) => String(n).padStart(2, "0");

export function generatePeople(options: {
  seed: number;
  count: number;
  districtCodes: string[];
  hukouProvince: string;
  employerCount: number;
  lastMonth: string;
  taken: Set<string>;
}): GeneratedPerson[] {
  const rnd = mulberry32(options.seed);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const [lastYear, lastMonthNumber] = options.lastMonth.split("-").map(Number);
  const people: GeneratedPerson[] = [];
  while (people.length < options.count) {
    const sex = rnd() < 0.5 ? "M" : "F";
    const birthYear = 1962 + Math.floor(rnd() * 38);
    const birthDate = `${birthYear}-${pad(1 + Math.floor(rnd() * 12))}-${pad(1 + Math.floor(rnd() * 28))}`;
    const idNumber = generateIdNumber({
      addressCode: pick(options.districtCodes),
      birthDate,
      sex,
      sequence: Math.floor(rnd() * 999),
    });
    if (options.taken.has(idNumber)) continue;
    options.taken.add(idNumber);
    const name = pick(surnames) + pick(given) + (rnd() < 0.6 ? pick(given) : "");

    const records: GeneratedPerson["records"] = [];
    let year = Math.max(1998, birthYear + 20 + Math.floor(rnd() * 6));
    let base = 800 + Math.floor(rnd() * 1200) + Math.max(0, year - 1998) * 250;
    let employerIndex: number | null = Math.floor(rnd() * options.employerCount);
    for (; year <= lastYear; year++) {
      if (rnd() < 0.08) continue; // a year without contributions
      if (rnd() < 0.12) employerIndex = rnd() < 0.3 ? null : Math.floor(rnd() * options.employerCount);
      const lastMonthOfYear = year === lastYear ? lastMonthNumber : 12;
      const startMonth = rnd() < 0.1 ? 1 + Math.floor(rnd() * Math.min(6, lastMonthOfYear)) : 1;
      const flexible = employerIndex === null;
      records.push({
        from: `${year}-${pad(startMonth)}`,
        to: `${year}-${pad(lastMonthOfYear)}`,
        monthlyBase: String(Math.round(base / 10) * 10),
        payerType: flexible ? "flexible" : "employer",
        rate: flexible ? "0.20" : year >= 2019 ? "0.24" : "0.28",
        // 1998–2005 the personal account was credited at 11% (国发〔1997〕26号; 人社部发〔2009〕187号).
        accountRate: year <= 2005 ? "0.11" : "0.08",
        employerIndex,
      });
      base = base * (1.04 + rnd() * 0.06);
    }
    people.push({ idNumber, name, sex, birthDate, hukouProvince: options.hukouProvince, records });
  }
  return people;
}
