-- How a promotion running in the store was executed, as a store check found it (促销执行), one per check and
-- promotion; photo_id, deviations and executed change when a photo of the promotion is added to the check.
create table promotion_execution (
    check_id             uuid        not null references store_check (id),
    promotion_id         uuid        not null,
    promotion_revision   int         not null,
    account_id           uuid        not null,
    store_id             uuid        not null,
    region               text        not null,
    checked_at           timestamptz not null,
    display_built        boolean,
    pos_material_present boolean,
    promoter_present     boolean,
    photo_id             uuid references store_check_photo (id),
    executed             boolean     not null,
    deviations           text[]      not null,
    primary key (check_id, promotion_id)
);

create index promotion_execution_latest on promotion_execution (promotion_id, store_id, checked_at desc);

-- Each promoted SKU's shelf price against its promoted price at that check; shelf_price is null when not on shelf.
create table promotion_execution_price (
    check_id       uuid          not null,
    promotion_id   uuid          not null,
    position       int           not null,
    gtin           text          not null,
    promoted_price numeric(8, 2) not null,
    shelf_price    numeric(8, 2),
    correct        boolean       not null,
    primary key (check_id, promotion_id, gtin),
    foreign key (check_id, promotion_id) references promotion_execution (check_id, promotion_id)
);
