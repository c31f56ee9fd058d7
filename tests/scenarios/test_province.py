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


def test_year_classes_give_the_factors_of_every_year(city):
    """The engine runs once per class of years with equal grid factors and controls; the
    cube equals the engine run on every year (with and without a scenario grid path)."""
    spec, bases, _ = _cities(city)
    b = bases[0]
    ys = np.asarray(spec.years)
    ctl = model._controls_for_years(b, ys, None)
    cls = model.year_classes(b.region, ys, ctl)
    assert len(np.unique(cls)) < len(ys)  # published grid factors cover few years
    full = model.cube_from(model.unit_emissions(model._unit_activity(b.region, ys, b.keys),
                                                ctl), ys, b.keys)
    got = model.factor_cube(b, ys, b.keys, ctl)
    assert got.pairs == full.pairs
    np.testing.assert_allclose(got.values, full.values, rtol=1e-12)
    grid = np.linspace(0.58, 0.40, len(ys))
    per = {(b.region, int(y)): float(v) for y, v in zip(ys, grid, strict=True)
           if y > ys[0]}
    assert len(np.unique(model.year_classes(b.region, ys, ctl, per))) == len(ys)
    full = model.cube_from(model.unit_emissions(model._unit_activity(b.region, ys, b.keys),
                                                ctl, per), ys, b.keys)
    np.testing.assert_allclose(model.factor_cube(b, ys, b.keys, ctl, grid).values,
                               full.values, rtol=1e-12)
