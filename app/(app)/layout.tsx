import { getLocale } from "next-intl/server";
import { redirect } from "next/navigation";
import { AppShell } from "@/components/app-shell";
import { getSessionUser } from "@/lib/auth/session";
import { navigationFor } from "@/lib/auth/permissions";

// The shell only displays who is signed in; each page checks its own permission (cal.com's rule:
// never authorize in a layout, layouts do not re-render on every navigation).
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  const locale = await getLocale();
  return (
    <AppShell
      user={{ name: user.name, role: user.role, officeName: locale === "en" ? user.officeNameEn : user.officeName }}
      nav={navigationFor(user).map(({ key, href }) => ({ key, href }))}
    >
      {children}
    </AppShell>
  );
}
