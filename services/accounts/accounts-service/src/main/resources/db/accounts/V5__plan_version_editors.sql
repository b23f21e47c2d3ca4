-- Everyone who wrote a plan version or changed its targets or action items: none of them may approve or return it
-- (four eyes). Versions written before this table hold their author only, which the author column already keeps.
create table plan_version_editor (
    version_id  uuid not null references plan_version (id) on delete cascade,
    editor      text not null,
    primary key (version_id, editor)
);
insert into plan_version_editor (version_id, editor) select id, author from plan_version;
