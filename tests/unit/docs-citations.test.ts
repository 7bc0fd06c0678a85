import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";

/**
 * Comments, tests, messages and decision records cite the rules and the two contracts by section:
 * `docs/rules.md §2.5`, `docs/calc-api.md §2.2`, `docs/api.md §4.5` or `docs/api.md "Cases"`
 * (lists too: `§2.4, §3.3`; an example: `§7 E2`). The older names of the same documents —
 * the research notes outside the repository, RULES.md, CALC_API.md and API.md — are read as the
 * docs/ pages they became, with the same section numbers. A citation of a section that has no
 * heading in the page fails here, so a renumbered page or a mistyped § cannot go unnoticed.
 */

const root = path.resolve(__dirname, "../..");
const scanned = ["lib", "app", "components", "prisma", "tests", "docs", "README.md"];
const skipped = new Set(["node_modules", ".next", "generated"]);
const extensions = /\.(ts|tsx|js|mjs|json|prisma|sql|md)$/;
const self = path.relative(root, __filename);

type Doc = "rules" | "calc-api" | "api";
const docFile: Record<Doc, string> = { rules: "docs/rules.md", "calc-api": "docs/calc-api.md", api: "docs/api.md" };

// docs/rules.md | docs/calc-api.md | docs/api.md, or the old RULES.md | CALC_API.md | API.md
// (not inside another name: DESIGN_API.md, a lowercase path, or CALC_API.md read as API.md).
const DOC_NAME = /(?:docs\/(rules|calc-api|api)\.md|(?<![\w-])(RULES|CALC_API|API)\.md)/g;
// After the name: § sections separated by commas, 、, "and", or a quoted section title.
const SECTION = /^(?:[ \t]*(?:,|、|;|and)?[ \t]*§(\d+(?:\.\d+)*)(?:[ \t]+([A-Z]\d+)\b)?)/;
const TITLE = /^[ \t]+"([^"\n]{1,60})"/;

interface Citation {
  file: string;
  line: number;
  doc: Doc;
  section?: string;
  example?: string;
  title?: string;
  text: string;
}

const oldName: Record<string, Doc> = { RULES: "rules", CALC_API: "calc-api", API: "api" };

/** Every citation in a text: one per cited section (or one for the whole page). */
function findCitations(text: string, file: string): Citation[] {
  const out: Citation[] = [];
  for (const match of text.matchAll(DOC_NAME)) {
    const doc = (match[1] as Doc | undefined) ?? oldName[match[2]];
    const at = match.index + match[0].length;
    const line = text.slice(0, match.index).split("\n").length;
    const cite = (extra: Partial<Citation>, end: number) =>
      out.push({ file, line, doc, text: text.slice(match.index, end).trim(), ...extra });
    let rest = text.slice(at);
    let consumed = at;
    const title = TITLE.exec(rest);
    if (title) {
      cite({ title: title[1] }, at + title[0].length);
      continue;
    }
    let found = false;
    for (let s = SECTION.exec(rest); s; s = SECTION.exec(rest)) {
      found = true;
      consumed += s[0].length;
      cite({ section: s[1], example: s[2] }, consumed);
      rest = rest.slice(s[0].length);
    }
    if (!found) cite({}, at);
  }
  return out;
}

interface DocIndex {
  sections: Set<string>;
  titles: string[];
  examples: Set<string>;
  duplicates: string[];
}

/** The § numbers of a page's headings, their titles, and the example ids under §7. */
function indexDoc(markdown: string): DocIndex {
  const sections = new Set<string>();
  const duplicates: string[] = [];
  const titles: string[] = [];
  const examples = new Set<string>();
  let current = "";
  for (const line of markdown.split("\n")) {
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (!heading) continue;
    const title = heading[1].trim();
    titles.push(title);
    const number = /^§(\d+(?:\.\d+)*)\b/.exec(title);
    if (number) {
      if (sections.has(number[1])) duplicates.push(number[1]);
      sections.add(number[1]);
      current = number[1];
      continue;
    }
    // Example headings under a section: "E1 — …", "R1–R9 — …", "E6, E7 — …".
    if (current.split(".")[0] === "7")
      for (const e of title.split(/\s+—\s+/)[0].matchAll(/([A-Z])(\d+)(?:[–-]\1?(\d+))?/g)) {
        const [first, last] = [Number(e[2]), Number(e[3] ?? e[2])];
        for (let n = first; n <= last; n++) examples.add(`${e[1]}${n}`);
      }
  }
  return { sections, titles, examples, duplicates };
}

/** What is wrong with a citation, or null when the page has what it cites. */
function problemOf(c: Citation, index: DocIndex): string | null {
  if (c.section !== undefined && !index.sections.has(c.section))
    return `${docFile[c.doc]} has no §${c.section}`;
  if (c.example !== undefined && !index.examples.has(c.example))
    return `${docFile[c.doc]} §${c.section} has no example ${c.example}`;
  if (c.title !== undefined && !index.titles.some((t) => t.toLowerCase().includes(c.title!.toLowerCase())))
    return `${docFile[c.doc]} has no section titled "${c.title}"`;
  return null;
}

function filesUnder(relative: string): string[] {
  const full = path.join(root, relative);
  if (!statSync(full, { throwIfNoEntry: false })) return [];
  if (statSync(full).isFile()) return [relative];
  return readdirSync(full, { withFileTypes: true }).flatMap((entry) => {
    if (skipped.has(entry.name)) return [];
    const child = path.join(relative, entry.name);
    if (entry.isDirectory()) return filesUnder(child);
    return extensions.test(entry.name) ? [child] : [];
  });
}

const indexes = Object.fromEntries(
  (Object.keys(docFile) as Doc[]).map((d) => [d, indexDoc(readFileSync(path.join(root, docFile[d]), "utf8"))]),
) as Record<Doc, DocIndex>;

const citations = scanned
  .flatMap(filesUnder)
  .filter((f) => f !== self)
  .flatMap((f) => findCitations(readFileSync(path.join(root, f), "utf8"), f));

describe("citations of docs/rules.md, docs/calc-api.md and docs/api.md", () => {
  test("each page numbers every section once", () => {
    for (const d of Object.keys(docFile) as Doc[]) {
      expect(indexes[d].sections.size, docFile[d]).toBeGreaterThan(3);
      expect(indexes[d].duplicates, docFile[d]).toEqual([]);
    }
  });

  test("docs/rules.md keeps the section numbers the code has cited since the research notes", () => {
    const expected = ["0", "1", "2", "2.1", "2.2", "2.3", "2.4", "2.5", "3", "3.1", "3.2", "3.3", "3.4", "4", "4.1",
      "4.2", "4.3", "4.4", "4.5", "4.6", "5", "5.1", "5.2", "5.3", "5.4", "6", "6.1", "6.2", "7", "8", "9", "10"];
    expect([...indexes.rules.sections].sort()).toEqual(expected.sort());
    for (const e of ["E1", "E2", "E5", "E8", "R9", "T6", "D4", "V8", "W2"]) expect(indexes.rules.examples).toContain(e);
  });

  test("the code, tests and records cite the pages, in the new form and the old", () => {
    const withSection = citations.filter((c) => c.section !== undefined);
    expect(withSection.length).toBeGreaterThan(50);
    expect(citations.some((c) => c.text.startsWith("docs/rules.md §"))).toBe(true);
    for (const d of Object.keys(docFile) as Doc[]) expect(citations.some((c) => c.doc === d), d).toBe(true);
  });

  test("every cited section exists", () => {
    const problems = citations
      .map((c) => ({ c, problem: problemOf(c, indexes[c.doc]) }))
      .filter((p) => p.problem !== null)
      .map((p) => `${p.c.file}:${p.c.line} "${p.c.text}": ${p.problem}`);
    expect(problems).toEqual([]);
  });

  test("the reader finds lists, examples, titles and old names, and flags what is missing", () => {
    const name = (s: string) => s.replaceAll("{d}", "docs/rules.md");
    const found = findCitations(name("(see {d} §2.4, §3.3 and §7 E2; {d}.) and RULES.md §99.1"), "x.ts");
    expect(found.map((c) => [c.doc, c.section, c.example])).toEqual([
      ["rules", "2.4", undefined],
      ["rules", "3.3", undefined],
      ["rules", "7", "E2"],
      ["rules", undefined, undefined],
      ["rules", "99.1", undefined],
    ]);
    expect(found.map((c) => problemOf(c, indexes.rules))).toEqual([null, null, null, null, "docs/rules.md has no §99.1"]);
    const zh = findCitations("（RULES.md §2.4、§3.3），CALC_API.md ok, shared/API.md \"Conventions\"", "x.json");
    expect(zh.map((c) => [c.doc, c.section ?? c.title ?? null])).toEqual([
      ["rules", "2.4"],
      ["rules", "3.3"],
      ["calc-api", null],
      ["api", "Conventions"],
    ]);
    expect(problemOf({ file: "x", line: 1, doc: "api", title: "Nowhere", text: "" }, indexes.api)).toMatch(/no section titled/);
    expect(problemOf({ file: "x", line: 1, doc: "rules", section: "7", example: "E99", text: "" }, indexes.rules)).toMatch(/no example E99/);
  });
});

describe("docs/rules.md §7 and the golden cases", () => {
  const rules = readFileSync(path.join(root, docFile.rules), "utf8");
  const examples = rules.slice(rules.indexOf("\n## §7"), rules.indexOf("\n## §8"));
  const golden = JSON.parse(readFileSync(path.join(root, "tests/fixtures/golden.json"), "utf8")) as {
    cases: { id: string; expected: unknown }[];
  };
  const leaves = (v: unknown): string[] =>
    v !== null && typeof v === "object" ? Object.values(v).flatMap(leaves) : [String(v)];
  const expectedValues = new Set(golden.cases.flatMap((c) => leaves(c.expected)));

  test("every worked example is a golden case and every golden case a worked example", () => {
    const inDoc = [...indexes.rules.examples].sort();
    const inGolden = [...new Set(golden.cases.map((c) => c.id.split("-")[0]))].sort();
    expect(inDoc).toEqual(inGolden);
  });

  test("every result printed in bold under §7 is an expected value of the golden cases", () => {
    const bold = [...examples.matchAll(/\*\*(\d+\.\d{2}|\d{4}-\d{2}-\d{2})\*\*/g)].map((m) => m[1]);
    expect(bold.length).toBeGreaterThan(15);
    expect(bold.filter((b) => !expectedValues.has(b))).toEqual([]);
  });
});
