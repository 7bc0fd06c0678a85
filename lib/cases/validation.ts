export { zodFailure } from "@/lib/service/result";
