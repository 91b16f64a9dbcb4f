-- Record ids are drawn at random. Scenarios, plans, catalogues, sourcing runs and users took their
-- ids from one sequence per table that every nation's records share, so a nation that made two
-- records and was given ids 12 and 19 learned that other nations had made 6 in between. A new
-- row's id is a random whole number from 1 to 2^53 - 1 (exact as a JavaScript number); rows made
-- before keep theirs, which links and audit rows name.
--
-- The order rows were made in is kept in a column of its own, made, drawn from the table's old
-- sequence as the id was: lists come in that order, and 'the newest catalogue' is the one made
-- last. It is never sent out.

-- A random id not yet taken in the table: 53 bits of a version 4 UUID, whose generator is the
-- server's strong random source (pg_strong_random). An id taken is drawn again; two rows made at
-- once that drew the same id (one chance in about 2^53 per pair) are refused by the primary key,
-- and the request answered as failed, never stored twice under one id.
create function muster_new_id(tbl regclass) returns bigint language plpgsql volatile as $$
declare
    u text;
    candidate bigint;
    taken boolean;
begin
    loop
        u := replace(gen_random_uuid()::text, '-', '');
        -- the 13th and 17th hex digits carry the UUID's version and variant; these 16 do not
        candidate := ('x' || substr(u, 1, 12) || substr(u, 21, 4))::bit(64)::bigint
                & 9007199254740991;
        if candidate > 0 then
            execute format('select exists (select 1 from %s where id = $1)', tbl)
                into taken using candidate;
            exit when not taken;
        end if;
    end loop;
    return candidate;
end
$$;

alter table app_user add column made bigint;
update app_user set made = id;
alter sequence app_user_id_seq owned by app_user.made;
alter sequence app_user_id_seq rename to app_user_made_seq;
alter table app_user
    alter column id set default muster_new_id('app_user'),
    alter column made set default nextval('app_user_made_seq'),
    alter column made set not null,
    add constraint app_user_made unique (made);

alter table scenario add column made bigint;
update scenario set made = id;
alter sequence scenario_id_seq owned by scenario.made;
alter sequence scenario_id_seq rename to scenario_made_seq;
alter table scenario
    alter column id set default muster_new_id('scenario'),
    alter column made set default nextval('scenario_made_seq'),
    alter column made set not null,
    add constraint scenario_made unique (made);

alter table plan_run add column made bigint;
update plan_run set made = id;
alter sequence plan_run_id_seq owned by plan_run.made;
alter sequence plan_run_id_seq rename to plan_run_made_seq;
alter table plan_run
    alter column id set default muster_new_id('plan_run'),
    alter column made set default nextval('plan_run_made_seq'),
    alter column made set not null,
    add constraint plan_run_made unique (made);

-- A catalogue's content never changes (V2's guard): its place in the order it was made is part
-- of it from now on.
alter table force_catalogue add column made bigint;
update force_catalogue set made = id;
alter sequence force_catalogue_id_seq owned by force_catalogue.made;
alter sequence force_catalogue_id_seq rename to force_catalogue_made_seq;
alter table force_catalogue
    alter column id set default muster_new_id('force_catalogue'),
    alter column made set default nextval('force_catalogue_made_seq'),
    alter column made set not null,
    add constraint force_catalogue_made unique (made);

create or replace function muster_catalogue_guard() returns trigger language plpgsql as $$
begin
    if new.name is distinct from old.name
            or new.owner_nation is distinct from old.owner_nation
            or new.releasable_to is distinct from old.releasable_to
            or new.source_name is distinct from old.source_name
            or new.source_text is distinct from old.source_text
            or new.catalogue_json is distinct from old.catalogue_json
            or new.units is distinct from old.units
            or new.supersedes is distinct from old.supersedes
            or new.created_by is distinct from old.created_by
            or new.created_at is distinct from old.created_at
            or new.id is distinct from old.id
            or new.made is distinct from old.made then
        raise exception 'force_catalogue %: the content of a catalogue is never changed; import a new version that supersedes it', old.id;
    end if;
    if (old.superseded_by is not null and new.superseded_by is distinct from old.superseded_by)
            or (old.withdrawn_at is not null and new.withdrawn_at is distinct from old.withdrawn_at) then
        raise exception 'force_catalogue %: already retired', old.id;
    end if;
    return new;
end
$$;

-- Sourcing runs are append-only (V3): the new column is filled with the trigger held off, in
-- this migration's transaction alone.
alter table sourcing_run add column made bigint;
alter table sourcing_run disable trigger sourcing_run_append_only;
update sourcing_run set made = id;
alter table sourcing_run enable trigger sourcing_run_append_only;
alter sequence sourcing_run_id_seq owned by sourcing_run.made;
alter sequence sourcing_run_id_seq rename to sourcing_run_made_seq;
alter table sourcing_run
    alter column id set default muster_new_id('sourcing_run'),
    alter column made set default nextval('sourcing_run_made_seq'),
    alter column made set not null,
    add constraint sourcing_run_made unique (made);
