-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "PlatformRole" AS ENUM ('NONE', 'REVIEWER', 'ADMIN');

-- CreateEnum
CREATE TYPE "UserStatus" AS ENUM ('ACTIVE', 'DISABLED');

-- CreateEnum
CREATE TYPE "Locale" AS ENUM ('zh_CN', 'en');

-- CreateEnum
CREATE TYPE "MerchantCategory" AS ENUM ('FOOD', 'MOBILITY', 'TRAVEL', 'RETAIL', 'SERVICES', 'OTHER');

-- CreateEnum
CREATE TYPE "MerchantStatus" AS ENUM ('ACTIVE', 'SUSPENDED');

-- CreateEnum
CREATE TYPE "MerchantRole" AS ENUM ('OWNER', 'ADMIN', 'DEVELOPER', 'ANALYST');

-- CreateEnum
CREATE TYPE "AgentStatus" AS ENUM ('ACTIVE', 'DISABLED');

-- CreateEnum
CREATE TYPE "IntegrationKind" AS ENUM ('MCP_SERVER', 'SKILL');

-- CreateEnum
CREATE TYPE "IntegrationVisibility" AS ENUM ('PUBLIC', 'ALLOWLIST', 'PRIVATE');

-- CreateEnum
CREATE TYPE "VersionStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'APPROVED', 'CHANGES_REQUESTED', 'REJECTED', 'LIVE', 'SUPERSEDED', 'SUSPENDED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "McpTransport" AS ENUM ('STREAMABLE_HTTP', 'SSE');

-- CreateEnum
CREATE TYPE "EndpointAuth" AS ENUM ('NONE', 'BEARER');

-- CreateEnum
CREATE TYPE "HttpMethod" AS ENUM ('GET', 'POST', 'PUT', 'PATCH', 'DELETE');

-- CreateEnum
CREATE TYPE "CheckRunStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateEnum
CREATE TYPE "CheckLevel" AS ENUM ('ERROR', 'WARNING', 'INFO');

-- CreateEnum
CREATE TYPE "ReviewDecision" AS ENUM ('APPROVED', 'CHANGES_REQUESTED', 'REJECTED');

-- CreateEnum
CREATE TYPE "CommentSide" AS ENUM ('MERCHANT', 'REVIEWER');

-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('ORGANIC', 'AI_SKILL', 'AI_SCREEN_READ');

-- CreateEnum
CREATE TYPE "PaymentMethod" AS ENUM ('STANDARD', 'AI_WALLET', 'TOKEN_PAY');

-- CreateEnum
CREATE TYPE "OrderStatus" AS ENUM ('PAID', 'PARTIALLY_REFUNDED', 'REFUNDED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "OrderEventType" AS ENUM ('CREATED', 'REFUNDED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ScreenReadOutcome" AS ENUM ('COMPLETED', 'ELEMENT_NOT_FOUND', 'POPUP_BLOCKED', 'LAYOUT_CHANGED', 'TIMEOUT', 'USER_ABORTED', 'PAYMENT_MISMATCH');

-- CreateEnum
CREATE TYPE "StatementStatus" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "DataSharingLevel" AS ENUM ('NONE', 'ORDER_STATUS', 'ORDER_DETAILS');

-- CreateEnum
CREATE TYPE "RuleEffect" AS ENUM ('ALLOW', 'DENY');

-- CreateEnum
CREATE TYPE "VisibilityRuleKind" AS ENUM ('PATH', 'AGENT_SCREEN_READ', 'AGENT_SKILL_CALL');

-- CreateEnum
CREATE TYPE "ApiKeyKind" AS ENUM ('PLATFORM_INGEST', 'AGENT', 'MERCHANT_ANALYTICS');

-- CreateEnum
CREATE TYPE "WebhookEndpointStatus" AS ENUM ('ENABLED', 'DISABLED');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "platformRole" "PlatformRole" NOT NULL DEFAULT 'NONE',
    "status" "UserStatus" NOT NULL DEFAULT 'ACTIVE',
    "locale" "Locale" NOT NULL DEFAULT 'zh_CN',
    "sessionVersion" INTEGER NOT NULL DEFAULT 1,
    "passwordChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Merchant" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "category" "MerchantCategory" NOT NULL,
    "status" "MerchantStatus" NOT NULL DEFAULT 'ACTIVE',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Merchant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "MerchantRole" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" "MerchantRole" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "invitedById" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "acceptedById" TEXT,
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitBucket" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "resetAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateLimitBucket_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Agent" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "vendor" TEXT NOT NULL,
    "verified" BOOLEAN NOT NULL DEFAULT false,
    "isTest" BOOLEAN NOT NULL DEFAULT false,
    "status" "AgentStatus" NOT NULL DEFAULT 'ACTIVE',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Agent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Integration" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "kind" "IntegrationKind" NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "category" "MerchantCategory" NOT NULL,
    "visibility" "IntegrationVisibility" NOT NULL DEFAULT 'PUBLIC',
    "liveVersionId" TEXT,
    "driftDetectedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Integration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IntegrationVersion" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "integrationId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "VersionStatus" NOT NULL DEFAULT 'DRAFT',
    "endpointUrl" TEXT,
    "transport" "McpTransport",
    "authType" "EndpointAuth" NOT NULL DEFAULT 'NONE',
    "authSecretEnc" TEXT,
    "toolList" JSONB,
    "toolListHash" TEXT,
    "serverInfo" JSONB,
    "capabilities" JSONB,
    "protocolVersion" TEXT,
    "metadata" JSONB,
    "basedOnVersionId" TEXT,
    "createdById" TEXT NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "submittedNote" TEXT,
    "claimedById" TEXT,
    "claimedAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "liveAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IntegrationVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IntegrationOperation" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "inputSchema" JSONB NOT NULL,
    "outputSchema" JSONB,
    "httpMethod" "HttpMethod" NOT NULL DEFAULT 'POST',
    "url" TEXT NOT NULL DEFAULT '',
    "readOnly" BOOLEAN,
    "destructive" BOOLEAN,
    "idempotent" BOOLEAN,
    "movesMoney" BOOLEAN,
    "needsConfirmation" BOOLEAN,
    "examplePrompts" TEXT[],
    "metadata" JSONB,

    CONSTRAINT "IntegrationOperation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CheckRun" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "status" "CheckRunStatus" NOT NULL DEFAULT 'QUEUED',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "progressLabel" TEXT NOT NULL DEFAULT '',
    "errorCount" INTEGER NOT NULL DEFAULT 0,
    "warningCount" INTEGER NOT NULL DEFAULT 0,
    "infoCount" INTEGER NOT NULL DEFAULT 0,
    "toolListHash" TEXT,
    "durationMs" INTEGER,
    "failureReason" TEXT,
    "trigger" TEXT NOT NULL DEFAULT 'manual',
    "createdById" TEXT,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CheckRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CheckResult" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "checkRunId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "ruleId" TEXT NOT NULL,
    "level" "CheckLevel" NOT NULL,
    "passed" BOOLEAN NOT NULL,
    "messageZh" TEXT NOT NULL,
    "messageEn" TEXT NOT NULL,
    "fixZh" TEXT NOT NULL DEFAULT '',
    "fixEn" TEXT NOT NULL DEFAULT '',
    "evidence" JSONB,
    "subject" TEXT,
    "durationMs" INTEGER,

    CONSTRAINT "CheckResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Review" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "decision" "ReviewDecision" NOT NULL,
    "reasonCodes" TEXT[],
    "message" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewComment" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "side" "CommentSide" NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Order" (
    "id" BIGSERIAL NOT NULL,
    "merchantId" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "channel" "Channel" NOT NULL,
    "agentId" TEXT,
    "integrationId" TEXT,
    "operationName" TEXT,
    "paymentMethod" "PaymentMethod" NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "refundedFen" BIGINT NOT NULL DEFAULT 0,
    "currency" TEXT NOT NULL DEFAULT 'CNY',
    "status" "OrderStatus" NOT NULL DEFAULT 'PAID',
    "isVerification" BOOLEAN NOT NULL DEFAULT false,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "revenueRuleId" TEXT,
    "feeFen" BIGINT NOT NULL DEFAULT 0,
    "feeRefundedFen" BIGINT NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderEvent" (
    "id" BIGSERIAL NOT NULL,
    "merchantId" TEXT NOT NULL,
    "externalOrderId" TEXT NOT NULL,
    "type" "OrderEventType" NOT NULL,
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "bodyHash" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrderEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderRollupHourly" (
    "merchantId" TEXT NOT NULL,
    "hour" TIMESTAMP(3) NOT NULL,
    "channel" "Channel" NOT NULL,
    "agentId" TEXT NOT NULL DEFAULT '',
    "integrationId" TEXT NOT NULL DEFAULT '',
    "paymentMethod" "PaymentMethod" NOT NULL,
    "isVerification" BOOLEAN NOT NULL,
    "orders" BIGINT NOT NULL DEFAULT 0,
    "gmvFen" BIGINT NOT NULL DEFAULT 0,
    "refundsFen" BIGINT NOT NULL DEFAULT 0,
    "cancelledOrders" BIGINT NOT NULL DEFAULT 0,
    "feeFen" BIGINT NOT NULL DEFAULT 0,
    "feeRefundedFen" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "OrderRollupHourly_pkey" PRIMARY KEY ("merchantId","hour","channel","agentId","integrationId","paymentMethod","isVerification")
);

-- CreateTable
CREATE TABLE "ScreenReadSession" (
    "id" BIGSERIAL NOT NULL,
    "merchantId" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "agentId" TEXT NOT NULL,
    "pagePath" TEXT NOT NULL,
    "steps" INTEGER NOT NULL,
    "outcome" "ScreenReadOutcome" NOT NULL,
    "orderExternalId" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "durationMs" INTEGER,
    "bodyHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScreenReadSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RevenueShareRule" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "channel" "Channel" NOT NULL,
    "agentId" TEXT,
    "rateBps" INTEGER NOT NULL,
    "fixedFeeFen" BIGINT NOT NULL DEFAULT 0,
    "effectiveFrom" TIMESTAMP(3) NOT NULL,
    "cancelledAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RevenueShareRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SettlementStatement" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "status" "StatementStatus" NOT NULL DEFAULT 'OPEN',
    "orders" BIGINT NOT NULL DEFAULT 0,
    "grossFen" BIGINT NOT NULL DEFAULT 0,
    "refundsFen" BIGINT NOT NULL DEFAULT 0,
    "platformShareFen" BIGINT NOT NULL DEFAULT 0,
    "tokenPayFen" BIGINT NOT NULL DEFAULT 0,
    "aiWalletFen" BIGINT NOT NULL DEFAULT 0,
    "netPayoutFen" BIGINT NOT NULL DEFAULT 0,
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SettlementStatement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SettlementLine" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "statementId" TEXT NOT NULL,
    "channel" "Channel" NOT NULL,
    "agentId" TEXT NOT NULL DEFAULT '',
    "orders" BIGINT NOT NULL DEFAULT 0,
    "grossFen" BIGINT NOT NULL DEFAULT 0,
    "refundsFen" BIGINT NOT NULL DEFAULT 0,
    "platformShareFen" BIGINT NOT NULL DEFAULT 0,
    "netPayoutFen" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "SettlementLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VisibilityPolicy" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "screenReadingAllowed" BOOLEAN NOT NULL DEFAULT true,
    "dataSharing" "DataSharingLevel" NOT NULL DEFAULT 'ORDER_STATUS',
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VisibilityPolicy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VisibilityRule" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "kind" "VisibilityRuleKind" NOT NULL,
    "effect" "RuleEffect" NOT NULL,
    "pattern" TEXT,
    "agentId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VisibilityRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VisibilityPolicyRevision" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "changedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VisibilityPolicyRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IntegrationAgentAccess" (
    "merchantId" TEXT NOT NULL,
    "integrationId" TEXT NOT NULL,
    "agentId" TEXT NOT NULL,

    CONSTRAINT "IntegrationAgentAccess_pkey" PRIMARY KEY ("integrationId","agentId")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "kind" "ApiKeyKind" NOT NULL,
    "merchantId" TEXT,
    "agentId" TEXT,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "scopes" TEXT[],
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookEndpoint" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "events" TEXT[],
    "secretEnc" TEXT NOT NULL,
    "previousSecretEnc" TEXT,
    "previousSecretExpiresAt" TIMESTAMP(3),
    "status" "WebhookEndpointStatus" NOT NULL DEFAULT 'ENABLED',
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "disabledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WebhookEndpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "endpointId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "eventType" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3),
    "lastStatusCode" INTEGER,
    "lastError" TEXT,
    "deliveredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookAttempt" (
    "id" TEXT NOT NULL,
    "merchantId" TEXT NOT NULL,
    "deliveryId" TEXT NOT NULL,
    "statusCode" INTEGER,
    "error" TEXT,
    "durationMs" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "merchantId" TEXT,
    "actorId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "objectType" TEXT NOT NULL,
    "objectId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "ip" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "merchantId" TEXT,
    "kind" TEXT NOT NULL,
    "params" JSONB,
    "link" TEXT,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Merchant_slug_key" ON "Merchant"("slug");

-- CreateIndex
CREATE INDEX "Membership_userId_idx" ON "Membership"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_merchantId_userId_key" ON "Membership"("merchantId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_merchantId_createdAt_idx" ON "Invitation"("merchantId", "createdAt");

-- CreateIndex
CREATE INDEX "RateLimitBucket_resetAt_idx" ON "RateLimitBucket"("resetAt");

-- CreateIndex
CREATE UNIQUE INDEX "Agent_slug_key" ON "Agent"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Integration_liveVersionId_key" ON "Integration"("liveVersionId");

-- CreateIndex
CREATE INDEX "Integration_merchantId_updatedAt_idx" ON "Integration"("merchantId", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Integration_merchantId_name_key" ON "Integration"("merchantId", "name");

-- CreateIndex
CREATE INDEX "IntegrationVersion_merchantId_status_idx" ON "IntegrationVersion"("merchantId", "status");

-- CreateIndex
CREATE INDEX "IntegrationVersion_status_submittedAt_idx" ON "IntegrationVersion"("status", "submittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "IntegrationVersion_integrationId_number_key" ON "IntegrationVersion"("integrationId", "number");

-- CreateIndex
CREATE INDEX "IntegrationOperation_merchantId_idx" ON "IntegrationOperation"("merchantId");

-- CreateIndex
CREATE UNIQUE INDEX "IntegrationOperation_versionId_name_key" ON "IntegrationOperation"("versionId", "name");

-- CreateIndex
CREATE INDEX "CheckRun_merchantId_versionId_createdAt_idx" ON "CheckRun"("merchantId", "versionId", "createdAt");

-- CreateIndex
CREATE INDEX "CheckResult_merchantId_checkRunId_idx" ON "CheckResult"("merchantId", "checkRunId");

-- CreateIndex
CREATE INDEX "Review_merchantId_versionId_idx" ON "Review"("merchantId", "versionId");

-- CreateIndex
CREATE INDEX "Review_reviewerId_createdAt_idx" ON "Review"("reviewerId", "createdAt");

-- CreateIndex
CREATE INDEX "ReviewComment_merchantId_versionId_createdAt_idx" ON "ReviewComment"("merchantId", "versionId", "createdAt");

-- CreateIndex
CREATE INDEX "Order_merchantId_occurredAt_idx" ON "Order"("merchantId", "occurredAt");

-- CreateIndex
CREATE INDEX "Order_merchantId_channel_occurredAt_idx" ON "Order"("merchantId", "channel", "occurredAt");

-- CreateIndex
CREATE INDEX "Order_merchantId_agentId_occurredAt_idx" ON "Order"("merchantId", "agentId", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "Order_merchantId_externalId_key" ON "Order"("merchantId", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "OrderEvent_merchantId_externalOrderId_type_sequence_key" ON "OrderEvent"("merchantId", "externalOrderId", "type", "sequence");

-- CreateIndex
CREATE INDEX "ScreenReadSession_merchantId_startedAt_idx" ON "ScreenReadSession"("merchantId", "startedAt");

-- CreateIndex
CREATE INDEX "ScreenReadSession_merchantId_pagePath_startedAt_idx" ON "ScreenReadSession"("merchantId", "pagePath", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ScreenReadSession_merchantId_externalId_key" ON "ScreenReadSession"("merchantId", "externalId");

-- CreateIndex
CREATE INDEX "RevenueShareRule_merchantId_channel_effectiveFrom_idx" ON "RevenueShareRule"("merchantId", "channel", "effectiveFrom");

-- CreateIndex
CREATE UNIQUE INDEX "SettlementStatement_merchantId_period_key" ON "SettlementStatement"("merchantId", "period");

-- CreateIndex
CREATE INDEX "SettlementLine_merchantId_idx" ON "SettlementLine"("merchantId");

-- CreateIndex
CREATE UNIQUE INDEX "SettlementLine_statementId_channel_agentId_key" ON "SettlementLine"("statementId", "channel", "agentId");

-- CreateIndex
CREATE UNIQUE INDEX "VisibilityPolicy_merchantId_key" ON "VisibilityPolicy"("merchantId");

-- CreateIndex
CREATE INDEX "VisibilityRule_merchantId_kind_idx" ON "VisibilityRule"("merchantId", "kind");

-- CreateIndex
CREATE INDEX "VisibilityPolicyRevision_merchantId_createdAt_idx" ON "VisibilityPolicyRevision"("merchantId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "VisibilityPolicyRevision_policyId_version_key" ON "VisibilityPolicyRevision"("policyId", "version");

-- CreateIndex
CREATE INDEX "IntegrationAgentAccess_merchantId_idx" ON "IntegrationAgentAccess"("merchantId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_hash_key" ON "ApiKey"("hash");

-- CreateIndex
CREATE INDEX "ApiKey_merchantId_createdAt_idx" ON "ApiKey"("merchantId", "createdAt");

-- CreateIndex
CREATE INDEX "ApiKey_agentId_idx" ON "ApiKey"("agentId");

-- CreateIndex
CREATE INDEX "WebhookEndpoint_merchantId_idx" ON "WebhookEndpoint"("merchantId");

-- CreateIndex
CREATE INDEX "WebhookDelivery_merchantId_createdAt_idx" ON "WebhookDelivery"("merchantId", "createdAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_endpointId_createdAt_idx" ON "WebhookDelivery"("endpointId", "createdAt");

-- CreateIndex
CREATE INDEX "WebhookAttempt_merchantId_deliveryId_idx" ON "WebhookAttempt"("merchantId", "deliveryId");

-- CreateIndex
CREATE INDEX "AuditEvent_merchantId_createdAt_idx" ON "AuditEvent"("merchantId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_objectType_objectId_idx" ON "AuditEvent"("objectType", "objectId");

-- CreateIndex
CREATE INDEX "AuditEvent_createdAt_idx" ON "AuditEvent"("createdAt");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_merchantId_idx" ON "Notification"("merchantId");

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Integration" ADD CONSTRAINT "Integration_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "Merchant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Integration" ADD CONSTRAINT "Integration_liveVersionId_fkey" FOREIGN KEY ("liveVersionId") REFERENCES "IntegrationVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntegrationVersion" ADD CONSTRAINT "IntegrationVersion_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntegrationOperation" ADD CONSTRAINT "IntegrationOperation_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "IntegrationVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckRun" ADD CONSTRAINT "CheckRun_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "IntegrationVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckResult" ADD CONSTRAINT "CheckResult_checkRunId_fkey" FOREIGN KEY ("checkRunId") REFERENCES "CheckRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "IntegrationVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewComment" ADD CONSTRAINT "ReviewComment_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "IntegrationVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SettlementLine" ADD CONSTRAINT "SettlementLine_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "SettlementStatement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisibilityRule" ADD CONSTRAINT "VisibilityRule_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "VisibilityPolicy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisibilityPolicyRevision" ADD CONSTRAINT "VisibilityPolicyRevision_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "VisibilityPolicy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntegrationAgentAccess" ADD CONSTRAINT "IntegrationAgentAccess_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "WebhookEndpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookAttempt" ADD CONSTRAINT "WebhookAttempt_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "WebhookDelivery"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
