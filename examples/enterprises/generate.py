"""Write the illustrative enterprise demo (示例企业, 数据均为示例) of the seed cities.

    python examples/enterprises/generate.py [FOLDER]      # default: examples/enterprises/data

Ten made-up enterprises in 济南, 淄博, 威海 and 荣成 (power, cement, tyres, chemicals) for 2024,
with planted problems in five of them (see ``cocontrol.enterprises.demo.PLANTED``). Then:

    cocontrol enterprise verify examples/enterprises/data -o 核查结果.xlsx
"""

from __future__ import annotations

import sys
from pathlib import Path

from cocontrol.enterprises import demo

if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "data"
    demo.write(target)
    print(f"illustrative enterprise data written to {target}")
