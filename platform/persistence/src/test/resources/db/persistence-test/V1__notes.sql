create table note (id uuid primary key, text text not null, version bigint not null);
