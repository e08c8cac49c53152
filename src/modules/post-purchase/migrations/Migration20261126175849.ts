import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261126175849 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "pp_consent_record" ("id" text not null, "email" text null, "customer_id" text null, "cart_id" text null, "order_id" text null, "granted" boolean not null, "source" text check ("source" in ('checkout', 'account', 'admin', 'import', 'unsubscribe')) not null, "wording" text not null, "url" text null, "recorded_by" text not null, "given_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pp_consent_record_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pp_consent_record_deleted_at" ON "pp_consent_record" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pp_consent_record_email_given_at" ON "pp_consent_record" ("email", "given_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pp_consent_record_cart_id" ON "pp_consent_record" ("cart_id") WHERE cart_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pp_consent_record_customer_id" ON "pp_consent_record" ("customer_id") WHERE customer_id IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "pp_suppression" ("id" text not null, "email" text not null, "scope" text not null, "source" text check ("source" in ('unsubscribe', 'withdrawal', 'admin')) not null, "reason" text not null, "lifted_at" timestamptz null, "lifted_by" text null, "lift_reason" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pp_suppression_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pp_suppression_deleted_at" ON "pp_suppression" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_pp_suppression_active" ON "pp_suppression" ("email", "scope") WHERE lifted_at IS NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "pp_consent_record" cascade;`);

    this.addSql(`drop table if exists "pp_suppression" cascade;`);
  }

}
