"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import AppBar from "@mui/material/AppBar";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Container from "@mui/material/Container";
import Toolbar from "@mui/material/Toolbar";
import Typography from "@mui/material/Typography";
import LogoutIcon from "@mui/icons-material/Logout";
import { LanguageSwitch } from "./language-switch";

export interface ShellUser {
  name: string;
  role: string;
  officeName: string;
}

export function AppShell({
  user,
  nav,
  children,
}: {
  user: ShellUser;
  nav: ReadonlyArray<{ key: string; href: string }>;
  children: React.ReactNode;
}) {
  const t = useTranslations("shell");
  const pathname = usePathname();
  return (
    <Box sx={{ minHeight: "100vh", display: "flex", flexDirection: "column" }}>
      <AppBar position="static" component="header">
        <Toolbar sx={{ gap: 2, flexWrap: "wrap" }}>
          <Typography variant="h6" component="p" sx={{ fontWeight: 700 }}>
            {t("title")}
          </Typography>
          <Box sx={{ flexGrow: 1 }} />
          <Box data-testid="current-user" sx={{ textAlign: "right", lineHeight: 1.2 }}>
            <Typography variant="body2" component="p" sx={{ fontWeight: 600 }}>
              {user.name} · {t(`roles.${user.role}`)}
            </Typography>
            <Typography variant="caption" component="p">
              {user.officeName}
            </Typography>
          </Box>
          <LanguageSwitch />
          <Button color="inherit" startIcon={<LogoutIcon />} onClick={() => signOut({ callbackUrl: "/login" })}>
            {t("signOut")}
          </Button>
        </Toolbar>
        <Toolbar component="nav" aria-label={t("navigation")} variant="dense" sx={{ gap: 1, bgcolor: "primary.dark" }}>
          {nav.map((item) => {
            const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
            return (
              <Button
                key={item.key}
                component={Link}
                href={item.href}
                color="inherit"
                aria-current={active ? "page" : undefined}
                data-nav={item.key}
                sx={{ borderBottom: active ? "3px solid white" : "3px solid transparent", borderRadius: 0 }}
              >
                {t(`nav.${item.key}`)}
              </Button>
            );
          })}
        </Toolbar>
      </AppBar>
      <Container component="main" maxWidth="xl" sx={{ py: 3, flexGrow: 1 }}>
        {children}
      </Container>
    </Box>
  );
}
