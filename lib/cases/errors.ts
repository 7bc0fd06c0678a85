// Transitional aliases of lib/service (decision 0011): removed once every caller imports lib/service.
import { Failure, type Result } from "@/lib/service/result";
export { asResult, fail } from "@/lib/service/result";
export { Failure as CaseFailure };
export type CaseResult<T> = Result<T>;
export type { ApiIssue } from "@/lib/http/api";
