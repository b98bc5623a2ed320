# spool.mk - cp/spool
