# history.mk - docs/history
