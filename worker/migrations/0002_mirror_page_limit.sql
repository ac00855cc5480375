-- A page size limit the mirror learned from a `contenttoobig` answer: the wiki counted more
-- bytes than siteinfo's maxarticlesize let it expect. The next run splits below it.
ALTER TABLE mirror_state ADD COLUMN page_bytes_limit INTEGER CHECK (page_bytes_limit IS NULL OR page_bytes_limit > 0);
