-- ShedLock's table (base.ScheduledJobLocks): one row per scheduled job, held by the instance running it until
-- lock_until, so each job runs once per due time however many instances share this database. Times are the
-- database's own clock (UTC), so instances whose clocks differ still agree.
CREATE TABLE base_job_lock (
    name VARCHAR(64) NOT NULL PRIMARY KEY,
    lock_until DATETIME(3) NOT NULL,
    locked_at DATETIME(3) NOT NULL,
    locked_by VARCHAR(255) NOT NULL
);
