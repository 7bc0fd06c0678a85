-- The inbox's queues of one status (unassigned, waiting for approval) read in due-date order:
-- with a million cases the approval queue's first page scanned the office's cases by due date
-- and filtered by status (~50 ms); this index reads them in order (npm run bench).
CREATE INDEX "Case_officeId_status_dueDate_idx" ON "Case"("officeId", "status", "dueDate");
