-- CreateEnum
CREATE TYPE "Role" AS ENUM ('caseworker', 'supervisor', 'auditor', 'admin');

-- CreateEnum
CREATE TYPE "Sex" AS ENUM ('M', 'F');

-- CreateEnum
CREATE TYPE "RelationshipStatus" AS ENUM ('ACTIVE', 'TERMINATED', 'TRANSFERRED_OUT');

-- CreateEnum
CREATE TYPE "AccountType" AS ENUM ('GENERAL', 'TEMPORARY');

-- CreateEnum
CREATE TYPE "PayerType" AS ENUM ('EMPLOYER', 'FLEXIBLE', 'BANK_WITHHOLDING', 'INSTITUTION');

-- CreateEnum
CREATE TYPE "RecordStatus" AS ENUM ('ACTIVE', 'TRANSFERRED_OUT');

-- CreateEnum
CREATE TYPE "HolidayKind" AS ENUM ('HOLIDAY', 'WORKDAY');

-- CreateEnum
CREATE TYPE "CaseType" AS ENUM ('SURRENDER', 'DUPLICATE_REFUND', 'TRANSFER_IN', 'TRANSFER_OUT');

-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'PENDING_APPROVAL', 'APPROVED', 'AWAITING_FUNDS', 'COMPLETED', 'RETURNED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "PaymentKind" AS ENUM ('SURRENDER_PAYOUT', 'DUPLICATE_REFUND', 'TRANSFER_FUNDS_SENT', 'TRANSFER_FUNDS_RECEIVED');

-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('CERTIFICATE', 'CONTACT_LETTER', 'INFO_TABLE', 'PAYOUT_DECISION', 'REFUND_DECISION', 'REJECTION_NOTICE');

-- CreateEnum
CREATE TYPE "DocumentStatus" AS ENUM ('VALID', 'REVOKED', 'SUPERSEDED');

-- CreateTable
CREATE TABLE "Office" (
    "id" UUID NOT NULL,
    "code" VARCHAR(12) NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "province" TEXT NOT NULL,
    "address" TEXT NOT NULL DEFAULT '',
    "postcode" TEXT NOT NULL DEFAULT '',
    "phone" TEXT NOT NULL DEFAULT '',
    "approvalLimit" DECIMAL(14,2) NOT NULL,
    "inDeployment" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Office_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "username" VARCHAR(64) NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "officeId" UUID NOT NULL,
    "idNumber" VARCHAR(18),
    "passwordHash" TEXT NOT NULL,
    "failedLoginCount" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMPTZ(3),
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InsuredPerson" (
    "id" UUID NOT NULL,
    "idNumber" VARCHAR(18) NOT NULL,
    "name" TEXT NOT NULL,
    "sex" "Sex" NOT NULL,
    "birthDate" DATE NOT NULL,
    "hukouProvince" TEXT NOT NULL,
    "officeId" UUID NOT NULL,
    "relationshipStatus" "RelationshipStatus" NOT NULL DEFAULT 'ACTIVE',
    "accountType" "AccountType" NOT NULL DEFAULT 'GENERAL',
    "phone" TEXT NOT NULL DEFAULT '',
    "address" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InsuredPerson_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Employer" (
    "id" UUID NOT NULL,
    "creditCode" VARCHAR(18) NOT NULL,
    "name" TEXT NOT NULL,
    "officeId" UUID NOT NULL,

    CONSTRAINT "Employer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContributionRecord" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "officeId" UUID NOT NULL,
    "employerId" UUID,
    "payerType" "PayerType" NOT NULL,
    "fromMonth" CHAR(7) NOT NULL,
    "toMonth" CHAR(7) NOT NULL,
    "monthlyBase" DECIMAL(14,2) NOT NULL,
    "totalRate" DECIMAL(8,6) NOT NULL,
    "accountRate" DECIMAL(8,6) NOT NULL,
    "status" "RecordStatus" NOT NULL DEFAULT 'ACTIVE',
    "sourceCaseId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContributionRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RefundedMonth" (
    "recordId" UUID NOT NULL,
    "month" CHAR(7) NOT NULL,
    "caseId" UUID NOT NULL,
    "officeId" UUID NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,

    CONSTRAINT "RefundedMonth_pkey" PRIMARY KEY ("recordId","month")
);

-- CreateTable
CREATE TABLE "CreditingRate" (
    "id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "scope" TEXT NOT NULL DEFAULT 'national',
    "rate" DECIMAL(8,6) NOT NULL,
    "provisional" BOOLEAN NOT NULL DEFAULT false,
    "source" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "CreditingRate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Holiday" (
    "id" UUID NOT NULL,
    "date" DATE NOT NULL,
    "kind" "HolidayKind" NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "officeId" UUID,

    CONSTRAINT "Holiday_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Setting" (
    "id" UUID NOT NULL,
    "officeId" UUID,
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Counter" (
    "officeId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "value" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Counter_pkey" PRIMARY KEY ("officeId","kind","year")
);

-- CreateTable
CREATE TABLE "Case" (
    "id" UUID NOT NULL,
    "caseNumber" TEXT NOT NULL,
    "type" "CaseType" NOT NULL,
    "status" "CaseStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "officeId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "intake" JSONB NOT NULL DEFAULT '{}',
    "calculation" JSONB,
    "amount" DECIMAL(14,2),
    "assigneeId" UUID,
    "createdById" UUID NOT NULL,
    "submittedById" UUID,
    "recommendedById" UUID,
    "approvedById" UUID,
    "linkedCaseId" UUID,
    "supersedesId" UUID,
    "dueDate" DATE,
    "clockPausedAt" TIMESTAMPTZ(3),
    "rejectReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMPTZ(3),
    "completedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseEvent" (
    "id" UUID NOT NULL,
    "officeId" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "actorId" UUID,
    "actorName" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "fromStatus" "CaseStatus",
    "toStatus" "CaseStatus",
    "reason" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "prevHash" CHAR(64) NOT NULL,
    "hash" CHAR(64) NOT NULL,

    CONSTRAINT "CaseEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChainHead" (
    "officeId" UUID NOT NULL,
    "chain" TEXT NOT NULL,
    "seq" INTEGER NOT NULL DEFAULT 0,
    "hash" CHAR(64) NOT NULL,

    CONSTRAINT "ChainHead_pkey" PRIMARY KEY ("officeId","chain")
);

-- CreateTable
CREATE TABLE "CaseDocument" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "officeId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "required" BOOLEAN NOT NULL DEFAULT true,
    "receivedAt" TIMESTAMPTZ(3),
    "receivedById" UUID,
    "note" TEXT,

    CONSTRAINT "CaseDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Payment" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "officeId" UUID NOT NULL,
    "kind" "PaymentKind" NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,
    "reference" TEXT NOT NULL,
    "payees" JSONB NOT NULL DEFAULT '[]',
    "recordedById" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Certificate" (
    "id" UUID NOT NULL,
    "serial" TEXT NOT NULL,
    "verificationCode" TEXT NOT NULL,
    "kind" "DocumentKind" NOT NULL,
    "status" "DocumentStatus" NOT NULL DEFAULT 'VALID',
    "officeId" UUID NOT NULL,
    "personId" UUID,
    "caseId" UUID,
    "supersedesId" UUID,
    "content" JSONB NOT NULL,
    "contentHash" CHAR(64) NOT NULL,
    "signature" TEXT NOT NULL,
    "issuedById" UUID NOT NULL,
    "issuedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMPTZ(3),
    "revokedById" UUID,
    "revokeReason" TEXT,

    CONSTRAINT "Certificate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CertificateEvent" (
    "id" UUID NOT NULL,
    "officeId" UUID NOT NULL,
    "certificateId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "actorId" UUID,
    "actorName" TEXT NOT NULL,
    "reason" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "prevHash" CHAR(64) NOT NULL,
    "hash" CHAR(64) NOT NULL,

    CONSTRAINT "CertificateEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccessLog" (
    "id" UUID NOT NULL,
    "officeId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccessLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Office_code_key" ON "Office"("code");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE INDEX "User_officeId_role_idx" ON "User"("officeId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "InsuredPerson_idNumber_key" ON "InsuredPerson"("idNumber");

-- CreateIndex
CREATE INDEX "InsuredPerson_officeId_name_idx" ON "InsuredPerson"("officeId", "name");

-- CreateIndex
CREATE INDEX "InsuredPerson_name_idx" ON "InsuredPerson"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Employer_creditCode_key" ON "Employer"("creditCode");

-- CreateIndex
CREATE INDEX "ContributionRecord_personId_fromMonth_idx" ON "ContributionRecord"("personId", "fromMonth");

-- CreateIndex
CREATE INDEX "ContributionRecord_officeId_personId_idx" ON "ContributionRecord"("officeId", "personId");

-- CreateIndex
CREATE INDEX "RefundedMonth_caseId_idx" ON "RefundedMonth"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "CreditingRate_year_scope_key" ON "CreditingRate"("year", "scope");

-- CreateIndex
CREATE INDEX "Holiday_date_idx" ON "Holiday"("date");

-- CreateIndex
CREATE UNIQUE INDEX "Holiday_date_officeId_key" ON "Holiday"("date", "officeId");

-- CreateIndex
CREATE UNIQUE INDEX "Setting_officeId_key_key" ON "Setting"("officeId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "Case_caseNumber_key" ON "Case"("caseNumber");

-- CreateIndex
CREATE INDEX "Case_officeId_createdAt_id_idx" ON "Case"("officeId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Case_officeId_status_createdAt_id_idx" ON "Case"("officeId", "status", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Case_officeId_type_createdAt_id_idx" ON "Case"("officeId", "type", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Case_officeId_assigneeId_status_idx" ON "Case"("officeId", "assigneeId", "status");

-- CreateIndex
CREATE INDEX "Case_officeId_dueDate_idx" ON "Case"("officeId", "dueDate");

-- CreateIndex
CREATE INDEX "Case_personId_idx" ON "Case"("personId");

-- CreateIndex
CREATE INDEX "Case_linkedCaseId_idx" ON "Case"("linkedCaseId");

-- CreateIndex
CREATE INDEX "CaseEvent_caseId_at_idx" ON "CaseEvent"("caseId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "CaseEvent_officeId_seq_key" ON "CaseEvent"("officeId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "CaseDocument_caseId_kind_key" ON "CaseDocument"("caseId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_caseId_key" ON "Payment"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_serial_key" ON "Certificate"("serial");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_verificationCode_key" ON "Certificate"("verificationCode");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_supersedesId_key" ON "Certificate"("supersedesId");

-- CreateIndex
CREATE INDEX "Certificate_officeId_issuedAt_id_idx" ON "Certificate"("officeId", "issuedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Certificate_personId_idx" ON "Certificate"("personId");

-- CreateIndex
CREATE INDEX "Certificate_caseId_idx" ON "Certificate"("caseId");

-- CreateIndex
CREATE INDEX "CertificateEvent_certificateId_at_idx" ON "CertificateEvent"("certificateId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "CertificateEvent_officeId_seq_key" ON "CertificateEvent"("officeId", "seq");

-- CreateIndex
CREATE INDEX "AccessLog_officeId_at_idx" ON "AccessLog"("officeId", "at");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InsuredPerson" ADD CONSTRAINT "InsuredPerson_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Employer" ADD CONSTRAINT "Employer_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContributionRecord" ADD CONSTRAINT "ContributionRecord_personId_fkey" FOREIGN KEY ("personId") REFERENCES "InsuredPerson"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContributionRecord" ADD CONSTRAINT "ContributionRecord_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContributionRecord" ADD CONSTRAINT "ContributionRecord_employerId_fkey" FOREIGN KEY ("employerId") REFERENCES "Employer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RefundedMonth" ADD CONSTRAINT "RefundedMonth_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "ContributionRecord"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Holiday" ADD CONSTRAINT "Holiday_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Setting" ADD CONSTRAINT "Setting_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_personId_fkey" FOREIGN KEY ("personId") REFERENCES "InsuredPerson"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseDocument" ADD CONSTRAINT "CaseDocument_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
