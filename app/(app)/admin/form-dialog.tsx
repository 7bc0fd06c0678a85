"use client";
import { useState, type ReactNode } from "react";
import Button from "@mui/material/Button";
import Dialog from "@mui/material/Dialog";
import DialogTitle from "@mui/material/DialogTitle";

/**
 * A row's button and the dialog it opens. The form is mounted only while the dialog is open, so
 * each opening starts a fresh form (no message or typed value left from the last one).
 */
export function FormDialogButton(props: {
  label: string;
  title: string;
  /** Unique on the page: names the dialog for assistive technology. */
  id: string;
  testId: string;
  ariaLabel?: string;
  color?: "error";
  maxWidth?: "sm" | "md";
  children: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  return (
    <>
      <Button size="small" variant="outlined" color={props.color} aria-label={props.ariaLabel} data-testid={props.testId} onClick={() => setOpen(true)}>
        {props.label}
      </Button>
      <Dialog open={open} onClose={close} fullWidth maxWidth={props.maxWidth ?? "sm"} aria-labelledby={props.id}>
        <DialogTitle id={props.id}>{props.title}</DialogTitle>
        {open && props.children(close)}
      </Dialog>
    </>
  );
}
