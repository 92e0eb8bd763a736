-- The bots' conversations and delivery bookkeeping live on the accounts server, in a database of
-- their own. The postgres image runs this once, when it initialises an empty data directory.
CREATE DATABASE parceltrack_bots OWNER parceltrack ENCODING 'UTF8' TEMPLATE template0;
