export { createCase } from "./create-case";
export { transitionCase } from "./transition-case";
export { recordDocument } from "./record-document";
export { reassignCases } from "./reassign-cases";
export { listCases, listFiltersSchema, getInbox, inboxQueues, type CaseListItem, type ListFilters } from "./queries";
export { getCaseDetail, type CaseDetail } from "./case-detail";
export { CaseDataError } from "./case-data";
export { availableActions } from "./available-actions";
