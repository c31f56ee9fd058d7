"""碳普惠 (carbon-inclusive) personal accounts: methodologies as data, behaviour records,
plausibility rules and crediting in the engine, the append-only ledger.

Flow: :mod:`~cocontrol.inclusive.methodology` → :mod:`~cocontrol.inclusive.records` →
:mod:`~cocontrol.inclusive.credit` (Ibis expressions) run by :mod:`~cocontrol.inclusive.run`;
balances follow :mod:`~cocontrol.inclusive.ledger`; storage in :mod:`cocontrol.store.inclusive`.
"""
