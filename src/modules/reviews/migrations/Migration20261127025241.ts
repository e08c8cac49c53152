import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261127025241 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "pp_review_store_aggregate" ("id" text not null, "approved_count" integer not null default 0, "rating_sum" integer not null default 0, "verified_count" integer not null default 0, "star_1" integer not null default 0, "star_2" integer not null default 0, "star_3" integer not null default 0, "star_4" integer not null default 0, "star_5" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pp_review_store_aggregate_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pp_review_store_aggregate_deleted_at" ON "pp_review_store_aggregate" ("deleted_at") WHERE deleted_at IS NULL;`);
    // the store's numbers so far are the sum of the products' aggregates; from now on each move keeps them
    this.addSql(`insert into "pp_review_store_aggregate" ("id", "approved_count", "rating_sum", "verified_count", "star_1", "star_2", "star_3", "star_4", "star_5") select 'pprsa_store', coalesce(sum("approved_count"), 0), coalesce(sum("rating_sum"), 0), coalesce(sum("verified_count"), 0), coalesce(sum("star_1"), 0), coalesce(sum("star_2"), 0), coalesce(sum("star_3"), 0), coalesce(sum("star_4"), 0), coalesce(sum("star_5"), 0) from "pp_review_aggregate" where "deleted_at" is null on conflict ("id") do nothing;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "pp_review_store_aggregate" cascade;`);
  }

}
