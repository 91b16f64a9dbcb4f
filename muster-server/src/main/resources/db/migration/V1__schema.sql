-- muster server schema, version 1.
-- Every record carries an owner nation (ISO 3166 alpha-3) and a releasability marking
-- ('REL NATO', 'USA ONLY', 'REL POL, ROU'); the server filters every read by it.

create table app_user (
    id            bigserial primary key,
    username      text not null unique,
    password_hash text not null,
    nation        text not null check (nation ~ '^[A-Z]{3}$'),
    roles         text not null,            -- comma separated: PLANNER,APPROVER,LIAISON,OBSERVER,ADMIN
    active        boolean not null default true,
    created_at    timestamptz not null default now()
);

create table user_session (
    token_hash text primary key,            -- SHA-256 of the bearer token; the token itself is not kept
    user_id    bigint not null references app_user(id),
    expires_at timestamptz not null,
    created_at timestamptz not null default now()
);
create index user_session_expires on user_session(expires_at);

create table scenario (
    id            bigserial primary key,
    name          text not null,
    owner_nation  text not null check (owner_nation ~ '^[A-Z]{3}$'),
    releasable_to text not null,
    source_name   text not null,
    source_text   text not null,            -- the file as imported, kept for export
    scenario_json text not null,            -- the parsed scenario (model records as JSON)
    created_by    bigint references app_user(id),
    created_at    timestamptz not null default now()
);

-- Requirement lines of a scenario, each with its own owner (the line's nation) and marking.
create table requirement_line (
    scenario_id   bigint not null references scenario(id),
    idx           int not null,
    uln           text not null,
    owner_nation  text not null check (owner_nation ~ '^[A-Z]{3}$'),
    releasable_to text not null,
    line_json     text not null,
    primary key (scenario_id, uln)
);

create table plan_run (
    id            bigserial primary key,
    scenario_id   bigint not null references scenario(id),
    planner       text not null,
    owner_nation  text not null check (owner_nation ~ '^[A-Z]{3}$'),
    releasable_to text not null,
    status        text not null check (status in ('QUEUED','RUNNING','DONE','FAILED','CANCELLED')),
    progress      double precision not null default 0,
    phase         text,
    error         text,
    plan_json     text,
    created_by    bigint references app_user(id),
    created_at    timestamptz not null default now(),
    started_at    timestamptz,
    finished_at   timestamptz
);

-- Orders: an append-only event log in one sequence (muster.engine.orders.OrderLog); the state of
-- orders and units is a fold over it (muster.engine.orders.OrderBook). The owner nation and the
-- marking are the drafting event's, repeated on later events of the same order.
create table order_log (
    seq           bigint primary key,
    order_id      text not null,
    type          text not null check (type in ('DRAFTED','APPROVED','ISSUED','CANCELLED')),
    username      text not null,
    at            timestamptz not null,
    order_json    text,
    reason        text,
    owner_nation  text not null check (owner_nation ~ '^[A-Z]{3}$'),
    releasable_to text not null,
    actor_id      bigint not null references app_user(id)
);
create index order_log_order on order_log(order_id);
create sequence order_number_seq;

create table audit_log (
    id       bigserial primary key,
    at       timestamptz not null default now(),
    user_id  bigint,
    username text,
    nation   text,
    action   text not null,
    target   text,
    outcome  text not null check (outcome in ('OK','DENIED','FAILED')),
    detail   text
);

create function muster_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op;
end
$$;

create trigger audit_log_append_only before update or delete on audit_log
    for each statement execute function muster_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function muster_append_only();
create trigger order_log_append_only before update or delete on order_log
    for each statement execute function muster_append_only();
create trigger order_log_no_truncate before truncate on order_log
    for each statement execute function muster_append_only();
