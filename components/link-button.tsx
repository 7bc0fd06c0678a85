"use client";
import Link from "next/link";
import Button from "@mui/material/Button";

type Props = Pick<React.ComponentProps<typeof Button>, "variant" | "color" | "size" | "children" | "sx" | "startIcon"> & { href: string };

/** An MUI button that navigates with Next.js' Link (usable from server components). */
export function LinkButton({ href, ...props }: Props) {
  return <Button component={Link} href={href} {...props} />;
}
