"""The district's unified address library: every premise address already on the map, plus the bundled
street points with their house numbers (resources/data) where the district is one the console ships.

Built only when an import has rows without coordinates; the matching rule is console.domain.address_match."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.domain.address_match import AddressKey, AddressLibrary, LibraryEntry, address_key
from console.domain.addresses import DEFAULT_REGION
from console.services.seed.reference import SUPPORTED_DISTRICTS, load_road_anchors
from db.models import OrgUnit, Premise


def load_address_library(session: Session, region: tuple[str, str, str] = DEFAULT_REGION) -> AddressLibrary:
    entries = [LibraryEntry(address_key(address, region), lon, lat)
               for address, lon, lat in session.execute(select(Premise.address, Premise.lon, Premise.lat)
                                                        .where(Premise.address != ""))]
    district = session.scalar(select(OrgUnit.code).where(OrgUnit.kind == "district").order_by(OrgUnit.id))
    if district is not None and district[:6] in SUPPORTED_DISTRICTS:
        anchors = load_road_anchors()
        entries += [LibraryEntry(AddressKey(road, str(number)), lon, lat) for road, number, lon, lat in
                    zip(anchors.road.tolist(), anchors.number.tolist(), anchors.lon.tolist(), anchors.lat.tolist(),
                        strict=True)]
    return AddressLibrary(entries)
