import { getTranslations } from "next-intl/server";
import Box from "@mui/material/Box";
import Paper from "@mui/material/Paper";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import { requireUser } from "@/lib/auth/session";
import { caseTypes, diagramOf, workflows } from "@/lib/workflow";
import { StateDiagram } from "@/components/state-diagram";

export async function generateMetadata() {
  return { title: (await getTranslations("help"))("title") };
}

/** The state diagrams and transition tables, read from lib/workflow (the same rows the server checks). */
export default async function WorkflowHelpPage() {
  await requireUser();
  const t = await getTranslations("help");
  const tc = await getTranslations("case");
  const tr = await getTranslations("shell.roles");
  const tk = await getTranslations("letterKinds");
  return (
    <Box>
      <Typography variant="h5" component="h1" gutterBottom>{t("title")}</Typography>
      <Typography sx={{ mb: 2 }}>{t("intro")}</Typography>
      {caseTypes.map((type) => {
        const table = workflows[type];
        const { states, edges } = diagramOf(type);
        return (
          <Paper key={type} component="section" aria-labelledby={`wf-${type}`} sx={{ p: 2, mb: 3, overflowX: "auto" }}>
            <Typography id={`wf-${type}`} variant="h6" component="h2">{tc(`types.${type}`)}</Typography>
            <StateDiagram states={states} edges={edges} title={tc(`types.${type}`)} />
            <Table size="small" aria-label={tc(`types.${type}`)}>
              <TableHead>
                <TableRow>
                  <TableCell>{t("from")}</TableCell>
                  <TableCell>{t("action")}</TableCell>
                  <TableCell>{t("to")}</TableCell>
                  <TableCell>{t("roles")}</TableCell>
                  <TableCell>{t("guards")}</TableCell>
                  <TableCell>{t("effects")}</TableCell>
                  <TableCell>{t("letter")}</TableCell>
                  <TableCell>{t("then")}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {table.map((row) => (
                  <TableRow key={`${row.action}-${row.from.join()}`}>
                    <TableCell>{row.from.map((s) => tc(`statuses.${s}`)).join(" / ")}</TableCell>
                    <TableCell>{tc(`actions.${row.action}`)}</TableCell>
                    <TableCell>{tc(`statuses.${row.to}`)}</TableCell>
                    <TableCell>{row.roles === "system" ? t("system") : row.roles.map((r) => tr(r)).join(", ")}</TableCell>
                    <TableCell sx={{ fontFamily: "monospace" }}>{row.guards.join(", ")}</TableCell>
                    <TableCell sx={{ fontFamily: "monospace" }}>{row.effects.join(", ")}</TableCell>
                    <TableCell>{row.letter ? tk(row.letter) : ""}</TableCell>
                    <TableCell>{(row.then ?? []).map((f) => `${t("linked")}${tc(`actions.${f.action}`)}`).join(", ")}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Paper>
        );
      })}
    </Box>
  );
}
