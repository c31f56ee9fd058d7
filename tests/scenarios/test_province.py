"""Several cities in one engine run equal the cities run one by one; DuckDB = Spark."""

import numpy as np
import pytest

from cocontrol.data.activity import read_activity
from cocontrol.data.controls import read_controls
from cocontrol.scenarios import model, province
from cocontrol.scenarios.spec import read_spec, resolve


def _cities(city):
    spec = read_spec(city)
    act, ctl = read_activity(spec.activity), read_controls(spec.controls)
    bases = []
    for i, name in enumerate(["甲市", "乙市"]):
        a = act.assign(region=name, value=act["value"] * (1 + 0.3 * i))
        c = ctl.assign(region=name)
        bases.append(model.load_base(a, c, name, spec.base_year))
    res = resolve(spec, "基准情景")
    return spec, bases, res


def _run(spec, bases, res, engine):
    return province.run_cities(bases, spec.years, {b.region: res.drivers for b in bases},
                               {b.region: res.activity_rules for b in bases}, engine=engine)


def test_one_run_equals_city_by_city(city):
    spec, bases, res = _cities(city)
    together = _run(spec, bases, res, "duckdb")
    for b in bases:
        alone = model.Projector(b, spec.years).run("基准情景", res.drivers, res.activity_rules, [])
        np.testing.assert_allclose(together[b.region].emissions, alone.emissions, rtol=1e-12)


@pytest.mark.spark
def test_duckdb_and_spark_agree(city):
    pytest.importorskip("pyspark")
    spec, bases, res = _cities(city)
    duck = _run(spec, bases, res, "duckdb")
    spark = _run(spec, bases, res, "spark")
    for region in duck:
        np.testing.assert_allclose(spark[region].emissions, duck[region].emissions, rtol=1e-9)
