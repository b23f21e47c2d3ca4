-- Relationship management (客户关系): SWOT and its action key points, purchase heat, the relationship wall and
-- important dates. Every change to these tables takes the account's lock and appends its event to the outbox.

-- A point of the SWOT analysis (S.W.O.T 分析) or an action key point (行动关键点). The business plan looks key
-- points up by (id, account_id).
create table swot_point (
    id          uuid primary key,
    account_id  uuid        not null references account (id),
    kind        text        not null check (kind in ('STRENGTH', 'WEAKNESS', 'OPPORTUNITY', 'THREAT', 'KEY_POINT')),
    text        text        not null,
    note        text,
    created_at  timestamptz not null,
    version     bigint      not null
);

create index swot_point_account on swot_point (account_id, created_at);

-- The points a key point draws on. A point in use cannot be deleted; a key point takes its basis with it.
create table swot_basis (
    key_point_id uuid not null references swot_point (id) on delete cascade,
    based_on_id  uuid not null references swot_point (id),
    position     int  not null,
    primary key (key_point_id, based_on_id)
);

create index swot_basis_based_on on swot_basis (based_on_id);

-- One purchase-heat assessment (购买热度): five ratings of 0-20 with their notes, and their sum.
create table heat_assessment (
    id                        uuid primary key,
    account_id                uuid        not null references account (id),
    number                    int         not null,
    score                     int         not null,
    product_use               int         not null check (product_use between 0 and 20),
    product_use_note          text,
    dealings                  int         not null check (dealings between 0 and 20),
    dealings_note             text,
    event_attendance          int         not null check (event_attendance between 0 and 20),
    event_attendance_note     text,
    brand_regard              int         not null check (brand_regard between 0 and 20),
    brand_regard_note         text,
    representative_view       int         not null check (representative_view between 0 and 20),
    representative_view_note  text,
    assessed_by               text        not null,
    assessed_at               timestamptz not null,
    constraint heat_assessment_number_unique unique (account_id, number),
    check (score = product_use + dealings + event_attendance + brand_regard + representative_view)
);

-- One cell of the relationship wall (围墙准则): a department at a level.
create table wall_cell (
    id            uuid primary key,
    account_id    uuid        not null references account (id),
    department    text        not null,
    level         text        not null check (level in ('BUYER', 'MANAGER', 'DIRECTOR')),
    strength      int         not null check (strength between 0 and 5),
    last_contact  date,
    note          text,
    changed_by    text        not null,
    changed_at    timestamptz not null,
    version       bigint      not null,
    constraint wall_cell_unique unique (account_id, department, level)
);

-- A date worth a greeting: a contact's birthday, the company's or our cooperation's anniversary.
create table important_date (
    id             uuid primary key,
    account_id     uuid   not null references account (id),
    type           text   not null check (type in ('BIRTHDAY', 'COMPANY_ANNIVERSARY', 'COOPERATION_ANNIVERSARY')),
    original_date  date   not null,
    contact_id     uuid references contact (id),
    title          text   not null,
    note           text,
    version        bigint not null,
    check ((type = 'BIRTHDAY') = (contact_id is not null))
);

create index important_date_account on important_date (account_id);
create unique index important_date_one_birthday on important_date (contact_id) where type = 'BIRTHDAY';
create unique index important_date_one_founding on important_date (account_id) where type = 'COMPANY_ANNIVERSARY';
