import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261127034734 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "pp_loyalty_referral" ("id" text not null, "referrer_customer_id" text not null, "referral_code" text not null, "promotion_id" text null, "promotion_code" text not null, "referee_email" text null, "referee_customer_id" text null, "order_id" text null, "status" text check ("status" in ('claimed', 'counted', 'refused')) not null default 'claimed', "counted_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pp_loyalty_referral_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pp_loyalty_referral_deleted_at" ON "pp_loyalty_referral" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_pp_loyalty_referral_promotion_code" ON "pp_loyalty_referral" ("promotion_code") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pp_loyalty_referral_referrer" ON "pp_loyalty_referral" ("referrer_customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_pp_loyalty_referral_counted_email" ON "pp_loyalty_referral" ("referee_email") WHERE deleted_at IS NULL AND status = 'counted';`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_pp_loyalty_referral_counted_customer" ON "pp_loyalty_referral" ("referee_customer_id") WHERE deleted_at IS NULL AND status = 'counted' AND referee_customer_id IS NOT NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "pp_loyalty_referral" cascade;`);
  }

}
