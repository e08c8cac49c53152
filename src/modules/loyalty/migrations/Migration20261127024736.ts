import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261127024736 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "pp_loyalty_account" ("id" text not null, "customer_id" text not null, "available" integer not null default 0, "pending" integer not null default 0, "lifetime" integer not null default 0, "referral_code" text not null, "tier" text null, "tier_changed_at" timestamptz null, "last_activity_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pp_loyalty_account_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pp_loyalty_account_deleted_at" ON "pp_loyalty_account" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_pp_loyalty_account_customer_id" ON "pp_loyalty_account" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_pp_loyalty_account_referral_code" ON "pp_loyalty_account" ("referral_code") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "pp_loyalty_entry" ("id" text not null, "account_id" text not null, "customer_id" text not null, "type" text check ("type" in ('earn', 'confirm', 'redeem', 'revert', 'expire', 'adjust', 'bonus')) not null, "points" integer not null, "available_delta" integer not null default 0, "pending_delta" integer not null default 0, "lifetime_delta" integer not null default 0, "reason" text not null, "order_id" text null, "promotion_code" text null, "reward_id" text null, "created_by" text null, "rule" jsonb null, "idempotency_key" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pp_loyalty_entry_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pp_loyalty_entry_deleted_at" ON "pp_loyalty_entry" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pp_loyalty_entry_account_created" ON "pp_loyalty_entry" ("account_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pp_loyalty_entry_order_id" ON "pp_loyalty_entry" ("order_id") WHERE deleted_at IS NULL AND order_id IS NOT NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_pp_loyalty_entry_idempotency_key" ON "pp_loyalty_entry" ("idempotency_key") WHERE deleted_at IS NULL AND idempotency_key IS NOT NULL;`);

    this.addSql(`create table if not exists "pp_loyalty_programme" ("id" text not null, "settings" jsonb not null, "updated_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pp_loyalty_programme_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pp_loyalty_programme_deleted_at" ON "pp_loyalty_programme" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "pp_loyalty_account" cascade;`);

    this.addSql(`drop table if exists "pp_loyalty_entry" cascade;`);

    this.addSql(`drop table if exists "pp_loyalty_programme" cascade;`);
  }

}
