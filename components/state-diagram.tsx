"use client";
import { useTranslations } from "next-intl";

export interface DiagramEdge {
  from: string;
  to: string;
  action: string;
}

/**
 * A state diagram drawn from a transition table: states left to right in the order they are
 * first reached, forward steps as arrows between neighbours, other moves as arcs (forward above,
 * backward below), each labelled with its action.
 */
export function StateDiagram({ states, edges, title }: { states: string[]; edges: DiagramEdge[]; title: string }) {
  const ts = useTranslations("case.statuses");
  const ta = useTranslations("case.actions");
  const w = 118;
  const gap = 34;
  const boxH = 34;
  const mid = 150;
  const width = states.length * (w + gap);
  const x = (s: string) => states.indexOf(s) * (w + gap) + w / 2 + 4;
  return (
    <svg role="img" aria-label={title} viewBox={`0 0 ${width} 310`} style={{ width: "100%", minWidth: Math.min(width, 900), height: "auto" }}>
      <defs>
        <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" fill="#37474f" />
        </marker>
      </defs>
      {edges.map((e, i) => {
        const a = states.indexOf(e.from);
        const b = states.indexOf(e.to);
        const x1 = x(e.from);
        const x2 = x(e.to);
        if (b === a + 1) {
          return (
            <g key={i}>
              <line x1={x1 + w / 2} y1={mid} x2={x2 - w / 2} y2={mid} stroke="#37474f" markerEnd="url(#arrow)" />
              <text x={(x1 + x2) / 2} y={mid - 22} textAnchor="middle" fontSize="11" fill="#263238">{ta(e.action)}</text>
            </g>
          );
        }
        const up = b > a;
        const h = 26 + Math.abs(b - a) * 14 + (i % 3) * 8;
        const y = up ? mid - boxH / 2 : mid + boxH / 2;
        const cy = up ? y - h : y + h;
        return (
          <g key={i}>
            <path d={`M ${x1} ${y} Q ${(x1 + x2) / 2} ${cy} ${x2} ${y}`} fill="none" stroke="#607d8b" markerEnd="url(#arrow)" />
            <text x={(x1 + x2) / 2} y={up ? y - h / 2 - 4 : y + h / 2 + 12} textAnchor="middle" fontSize="11" fill="#263238">{ta(e.action)}</text>
          </g>
        );
      })}
      {states.map((s) => (
        <g key={s}>
          <rect x={x(s) - w / 2} y={mid - boxH / 2} width={w} height={boxH} rx="6" fill="#e3f2fd" stroke="#1d4e89" />
          <text x={x(s)} y={mid + 4} textAnchor="middle" fontSize="12" fill="#0d3c61">{ts(s)}</text>
        </g>
      ))}
    </svg>
  );
}
