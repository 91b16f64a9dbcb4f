-- muster server schema, version 2: force catalogues kept as records.
-- A catalogue is never deleted or edited: a newer version supersedes it, or it is withdrawn; both
-- are recorded on the row and the old text stays, so sourcing runs made with it can be traced.

create table force_catalogue (
    id             bigserial primary key,
    name           text not null,
    owner_nation   text not null check (owner_nation ~ '^[A-Z]{3}$'),
    releasable_to  text not null,
    source_name    text not null,            -- the file name given at import (.yaml, .json, .csv)
    source_text    text not null,            -- the file as imported; re-read for sourcing
    catalogue_json text not null,            -- the parsed catalogue (model records as JSON)
    units          int not null,
    supersedes     bigint references force_catalogue(id),
    superseded_by  bigint references force_catalogue(id),
    withdrawn_at   timestamptz,
    withdrawn_by   bigint references app_user(id),
    created_by     bigint references app_user(id),
    created_at     timestamptz not null default now(),
    check (superseded_by is null or withdrawn_at is null)
);
create index force_catalogue_supersedes on force_catalogue(supersedes);

-- Only the retirement columns may change, each once; the content never does.
create function muster_catalogue_guard() returns trigger language plpgsql as $$
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
            or new.created_at is distinct from old.created_at then
        raise exception 'force_catalogue %: the content of a catalogue is never changed; import a new version that supersedes it', old.id;
    end if;
    if (old.superseded_by is not null and new.superseded_by is distinct from old.superseded_by)
            or (old.withdrawn_at is not null and new.withdrawn_at is distinct from old.withdrawn_at) then
        raise exception 'force_catalogue %: already retired', old.id;
    end if;
    return new;
end
$$;

create trigger force_catalogue_guard before update on force_catalogue
    for each row execute function muster_catalogue_guard();
create trigger force_catalogue_no_delete before delete on force_catalogue
    for each statement execute function muster_append_only();
create trigger force_catalogue_no_truncate before truncate on force_catalogue
    for each statement execute function muster_append_only();
