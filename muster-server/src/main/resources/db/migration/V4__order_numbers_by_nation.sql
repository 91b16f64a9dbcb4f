-- Order numbers run per nation: one sequence for all nations let each nation count the others'
-- orders from the gaps between its own numbers. Each nation's count starts above the highest
-- number its existing orders carry, so no id is given twice.
create table order_number (
    nation text primary key check (nation ~ '^[A-Z]{3}$'),
    last   bigint not null check (last >= 1)
);

insert into order_number (nation, last)
select owner_nation, max(substring(order_id from '-ORD-([0-9]+)$')::bigint)
from order_log
where order_id ~ ('^' || owner_nation || '-ORD-[0-9]+$')
group by owner_nation;

drop sequence order_number_seq;
