import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261127034836 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "pp_loyalty_account" add column if not exists "expiry_reminded_for" timestamptz null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pp_loyalty_account_last_activity_at" ON "pp_loyalty_account" ("last_activity_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_pp_loyalty_account_last_activity_at";`);
    this.addSql(`alter table if exists "pp_loyalty_account" drop column if exists "expiry_reminded_for";`);
  }

}
