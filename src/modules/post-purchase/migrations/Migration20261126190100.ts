import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261126190100 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "pp_customer_preference" ("id" text not null, "customer_id" text not null, "locale" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pp_customer_preference_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pp_customer_preference_deleted_at" ON "pp_customer_preference" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_pp_customer_preference_customer_id" ON "pp_customer_preference" ("customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "pp_followup" add column if not exists "locale" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "pp_customer_preference" cascade;`);

    this.addSql(`alter table if exists "pp_followup" drop column if exists "locale";`);
  }

}
