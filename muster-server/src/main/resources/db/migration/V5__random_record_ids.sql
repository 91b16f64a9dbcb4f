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

-- Gives table tbl random ids for new rows and the column made, which takes over the table's
-- sequence; rows made before keep their ids, and made = id for them. A table whose rows are
-- append-only has its trigger, append_only, held off while made is filled, in this migration's
-- transaction alone.
create function muster_ids_at_random(tbl text, append_only text) returns void language plpgsql as $$
begin
    execute format('alter table %I add column made bigint', tbl);
    if append_only is not null then
        execute format('alter table %I disable trigger %I', tbl, append_only);
    end if;
    execute format('update %I set made = id', tbl);
    if append_only is not null then
        execute format('alter table %I enable trigger %I', tbl, append_only);
    end if;
    execute format('alter sequence %I owned by %I.made', tbl || '_id_seq', tbl);
    execute format('alter sequence %I rename to %I', tbl || '_id_seq', tbl || '_made_seq');
    execute format('alter table %I'
            || ' alter column id set default muster_new_id(%L),'
            || ' alter column made set default nextval(%L),'
            || ' alter column made set not null,'
            || ' add constraint %I unique (made)',
            tbl, tbl, tbl || '_made_seq', tbl || '_made');
end
$$;

select muster_ids_at_random('app_user', null);
select muster_ids_at_random('scenario', null);
select muster_ids_at_random('plan_run', null);
select muster_ids_at_random('force_catalogue', null);
-- Sourcing runs are append-only (V3).
select muster_ids_at_random('sourcing_run', 'sourcing_run_append_only');
drop function muster_ids_at_random(text, text);

-- A catalogue's content never changes (V2's guard): its id and its place in the order it was
-- made are part of it from now on.
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
