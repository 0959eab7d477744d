-- A finished task keeps the working time it used, counted in the office
-- calendar of the day it finished: its verdict is history, and a later
-- change of the office hours or the holidays changes only open tasks.
-- Tasks finished before this migration have none and are counted with
-- the calendar of the day they are read, as before.

ALTER TABLE task_visit ADD COLUMN used_seconds INTEGER;
