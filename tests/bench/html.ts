/**
 * The benchmark's Chromium baseline (tests/bench/bench.ts): a document view model as an HTML page
 * with the same content the pdfkit renderer draws — title and references, addressee, every block
 * (fields, tables, paragraphs, amounts, notes), the sign-off and the QR code — in the same font
 * (Noto Sans SC, served to the page once), on A4, for Chromium's page.pdf().
 */
import type { BlockVM, DocumentViewModel } from "@/lib/pdf/types";

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
const bi = (b: { zh: string; en: string }) => `${esc(b.zh)}<br><small>${esc(b.en)}</small>`;

function block(b: BlockVM): string {
  switch (b.type) {
    case "fields":
      return `${b.title ? `<h2>${bi(b.title)}</h2>` : ""}<dl class="c${b.columns}">${b.fields
        .map((f) => `<div${f.wide ? ' class="wide"' : ""}><dt>${bi(f.label)}</dt><dd>${esc(f.value)}</dd></div>`)
        .join("")}</dl>`;
    case "table":
      return `${b.title ? `<h2>${bi(b.title)}</h2>` : ""}<table><colgroup>${b.columns.map((c) => `<col style="width:${c.width}fr">`).join("")}</colgroup>
        <thead><tr>${b.columns.map((c) => `<th style="text-align:${c.align}">${bi(c.label)}</th>`).join("")}</tr></thead>
        <tbody>${b.rows.map((r) => `<tr>${r.map((v, i) => `<td style="text-align:${b.columns[i]?.align ?? "left"}">${esc(v)}</td>`).join("")}</tr>`).join("")}</tbody>
        ${b.totals ? `<tfoot><tr>${b.totals.map((v) => `<td>${esc(v)}</td>`).join("")}</tr></tfoot>` : ""}</table>`;
    case "paragraph":
      return `<p>${bi(b.text)}</p>`;
    case "amount":
      return `<p class="amount">${bi(b.label)}：<strong>${esc(b.figures)}</strong> （${esc(b.capital)}）</p>`;
    case "notes":
      return `${b.title ? `<h2>${bi(b.title)}</h2>` : ""}<ol>${b.items.map((n) => `<li>${bi(n)}</li>`).join("")}</ol>`;
  }
}

export function documentHtml(vm: DocumentViewModel, qrDataUrl: string | null, fontUrl: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
@font-face { font-family: "NotoSansSC"; src: url("${fontUrl}") format("truetype"); }
@page { size: A4; margin: 18mm 16mm; }
body { font-family: "NotoSansSC", sans-serif; font-size: 9.5pt; color: #111; }
h1 { text-align: center; font-size: 16pt; margin: 0 0 4mm; } h1 small { font-size: 9pt; color: #444; }
h2 { font-size: 10.5pt; margin: 4mm 0 1.5mm; } small { color: #555; font-size: 7.5pt; }
.refs { text-align: center; color: #333; margin-bottom: 4mm; }
dl { display: grid; gap: 1.5mm 6mm; margin: 0; } dl.c2 { grid-template-columns: 1fr 1fr; } dl.c1 { grid-template-columns: 1fr; }
dl .wide { grid-column: 1 / -1; } dt { color: #444; } dd { margin: 0 0 1mm; font-weight: 600; }
table { width: 100%; border-collapse: collapse; font-size: 8.5pt; } th, td { border: 0.5pt solid #888; padding: 1mm 1.5mm; }
th { background: #f2f2f2; } .amount strong { font-size: 11pt; }
.signoff { display: flex; justify-content: space-between; align-items: flex-end; margin-top: 8mm; }
.signoff img { width: 28mm; height: 28mm; image-rendering: pixelated; }
</style></head><body>
<h1>${bi(vm.title)}</h1>
<div class="refs">${vm.serial ? `编号 Serial: ${esc(vm.serial)}` : "DRAFT"}${vm.references.map((r) => ` · ${esc(r.label.zh)} ${esc(r.value)}`).join("")}</div>
${vm.addressee ? `<p>${bi(vm.addressee)}</p>` : ""}
${vm.blocks.map(block).join("\n")}
<div class="signoff">
  <div>${bi(vm.office.name)}<br>${esc(vm.office.address)} ${esc(vm.office.postcode)} ${esc(vm.office.phone)}<br>
  经办人 Issued by: ${esc(vm.issuerName)}<br>${esc(vm.issuedAtText ?? "")}</div>
  ${qrDataUrl ? `<div style="text-align:center"><img src="${qrDataUrl}"><br><small>${esc(vm.trust?.verificationCode ?? "")}<br>${esc(vm.trust?.verifyUrl ?? "")}</small></div>` : ""}
</div>
</body></html>`;
}
