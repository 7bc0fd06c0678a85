"use client";
import { createTheme } from "@mui/material/styles";

// A sober government-office look: deep blue primary, clear focus outlines, dense tables.
export const theme = createTheme({
  cssVariables: true,
  palette: {
    primary: { main: "#1d4e89" },
    secondary: { main: "#8a1c1c" },
    background: { default: "#f5f7fa" },
  },
  typography: {
    fontFamily:
      '"PingFang SC","Microsoft YaHei","Noto Sans SC","Noto Sans CJK SC","Source Han Sans SC",system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif',
  },
  components: {
    MuiButton: { defaultProps: { disableElevation: true } },
    MuiTableCell: { styleOverrides: { head: { fontWeight: 600 } } },
  },
});
