-- CreateTable
CREATE TABLE "OrderRollupDaily" (
    "merchantId" TEXT NOT NULL,
    "day" DATE NOT NULL,
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

    CONSTRAINT "OrderRollupDaily_pkey" PRIMARY KEY ("merchantId","day","channel","agentId","integrationId","paymentMethod","isVerification")
);

-- CreateTable
CREATE TABLE "ScreenReadRollupDaily" (
    "merchantId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "pagePath" TEXT NOT NULL,
    "outcome" "ScreenReadOutcome" NOT NULL,
    "agentId" TEXT NOT NULL,
    "sessions" BIGINT NOT NULL DEFAULT 0,
    "steps" BIGINT NOT NULL DEFAULT 0,
    "durationMs" BIGINT NOT NULL DEFAULT 0,
    "linkedOrders" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "ScreenReadRollupDaily_pkey" PRIMARY KEY ("merchantId","day","pagePath","outcome","agentId")
);
