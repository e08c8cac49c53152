import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261126205309 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "pp_withdrawal" ("id" text not null, "order_id" text not null, "return_id" text not null, "customer_id" text null, "name" text not null, "email" text not null, "items" jsonb not null, "withdrawn_at" timestamptz not null, "channel" text check ("channel" in ('email_link', 'store_link', 'store_customer')) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pp_withdrawal_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pp_withdrawal_deleted_at" ON "pp_withdrawal" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pp_withdrawal_order_id" ON "pp_withdrawal" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_pp_withdrawal_return_id" ON "pp_withdrawal" ("return_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "pp_withdrawal" cascade;`);
  }

}
