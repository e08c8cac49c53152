import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261126223250 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "pp_review" ("id" text not null, "product_id" text not null, "variant_id" text null, "order_id" text not null, "line_item_id" text not null, "customer_id" text null, "reviewer_name" text not null, "reviewer_email" text not null, "rating" integer not null, "title" text null, "body" text null, "images" jsonb not null default '[]', "status" text check ("status" in ('pending', 'approved', 'rejected')) not null default 'pending', "verified" boolean not null default false, "incentivized" boolean not null default false, "rejection_reason" text check ("rejection_reason" in ('abusive_or_hateful', 'spam_or_advertising', 'personal_data', 'off_topic', 'false_or_misleading')) null, "rejected_by" text null, "rejected_at" timestamptz null, "moderated_by" text null, "moderated_at" timestamptz null, "reply" text null, "replied_by" text null, "replied_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pp_review_pkey" primary key ("id"), constraint CHK_pp_review_rating check (rating BETWEEN 1 AND 5), constraint CHK_pp_review_title_length check (char_length(title) <= 120), constraint CHK_pp_review_body_length check (char_length(body) <= 5000), constraint CHK_pp_review_name_length check (char_length(reviewer_name) <= 80), constraint CHK_pp_review_images check (jsonb_typeof(images) = 'array' AND jsonb_array_length(images) <= 3));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pp_review_deleted_at" ON "pp_review" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_pp_review_line_item_id" ON "pp_review" ("line_item_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pp_review_product_status_created" ON "pp_review" ("product_id", "status", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pp_review_status_created" ON "pp_review" ("status", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pp_review_order_id" ON "pp_review" ("order_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "pp_review_aggregate" ("id" text not null, "product_id" text not null, "approved_count" integer not null default 0, "rating_sum" integer not null default 0, "star_1" integer not null default 0, "star_2" integer not null default 0, "star_3" integer not null default 0, "star_4" integer not null default 0, "star_5" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pp_review_aggregate_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pp_review_aggregate_deleted_at" ON "pp_review_aggregate" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_pp_review_aggregate_product_id" ON "pp_review_aggregate" ("product_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "pp_review" cascade;`);

    this.addSql(`drop table if exists "pp_review_aggregate" cascade;`);
  }

}
