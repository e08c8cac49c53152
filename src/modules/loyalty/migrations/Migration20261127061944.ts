import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261127061944 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "pp_loyalty_referral" add column if not exists "expires_at" timestamptz null, add column if not exists "refusal_reason" text null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pp_loyalty_referral_open_claim" ON "pp_loyalty_referral" ("referral_code", "referee_email") WHERE deleted_at IS NULL AND status = 'claimed';`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pp_loyalty_referral_code_created_at" ON "pp_loyalty_referral" ("referral_code", "created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_pp_loyalty_referral_open_claim";`);
    this.addSql(`drop index if exists "IDX_pp_loyalty_referral_code_created_at";`);
    this.addSql(`alter table if exists "pp_loyalty_referral" drop column if exists "expires_at", drop column if exists "refusal_reason";`);
  }

}
