-- muster server schema, version 3: every sourcing run is kept, with its inputs and its result.
-- A run is released no wider than its network scenario and its catalogue (checked by the server)
-- and is read only by those who see both. Runs are never changed or deleted.

create table sourcing_run (
    id                bigserial primary key,
    scenario_id       bigint not null references scenario(id),
    catalogue_id      bigint references force_catalogue(id), -- null: the catalogue came as text
    catalogue_name    text not null,
    catalogue_text    text,                                  -- the text, when it came as text
    requirements_name text not null,
    requirements_text text not null,
    owner_nation      text not null check (owner_nation ~ '^[A-Z]{3}$'),
    releasable_to     text not null,
    refused           boolean not null,
    choices           int not null,
    unfilled          int not null,
    total_cost        bigint not null,
    result_json       text not null,                         -- choices and unfilled slots with reasons, report
    saved_scenario_id bigint references scenario(id),
    created_by        bigint references app_user(id),
    created_at        timestamptz not null default now()
);
create index sourcing_run_scenario on sourcing_run(scenario_id);

create trigger sourcing_run_append_only before update or delete on sourcing_run
    for each statement execute function muster_append_only();
create trigger sourcing_run_no_truncate before truncate on sourcing_run
    for each statement execute function muster_append_only();
