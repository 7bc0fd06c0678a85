export type { Actor } from "@/lib/service/actor";
