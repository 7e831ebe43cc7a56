#!/usr/bin/python3
"""Copies a world with parts of it taken out, to see which part of the world costs how much accuracy.

    ablate_world.py WORLD_DIR OUT_DIR [--drop-sales] [--drop-member-ordinary] [--known-entry]

* --drop-sales: drops parcels carrying ring goods from a ring party to a party outside the rings
  (retail sales to customers and one-off buyers, and so the customer halo around each ring);
* --drop-member-ordinary: drops ordinary parcels (no ring goods) sent or received by ring parties
  (their online shopping and personal parcels);
* --known-entry: renames the border entry towns outside the seven of ParcelNet's own generator
  (Manzhouli, Erenhot, Suifenhe, Hunchun, Gyirong) to ones of the seven (Horgos, Pingxiang, Dongxing,
  Mengla) wherever they appear as origin or destination; nothing else changes.

The truth files are copied, truth_parties.csv keeping only parties that still have a parcel. The
shipments keep their columns and order. This is a diagnostic: the world itself is what
outside_world.py generates.
"""
import argparse
import csv
import gzip
import io
import os
import shutil

from score_world import normalise_phone, read_csv

KNOWN_ENTRY = {('Inner Mongolia', 'Manzhouli'): ('Xinjiang', 'Horgos'),
               ('Inner Mongolia', 'Erenhot'): ('Xinjiang', 'Horgos'),
               ('Heilongjiang', 'Suifenhe'): ('Guangxi', 'Pingxiang'),
               ('Jilin', 'Hunchun'): ('Guangxi', 'Dongxing'),
               ('Tibet', 'Gyirong'): ('Yunnan', 'Mengla')}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('world')
    ap.add_argument('out')
    ap.add_argument('--drop-sales', action='store_true')
    ap.add_argument('--drop-member-ordinary', action='store_true')
    ap.add_argument('--known-entry', action='store_true')
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    ring_party = {normalise_phone(r['party']) for r in read_csv(os.path.join(a.world, 'truth_parties.csv')) if r['ring']}
    ship_ring = {r['shipment_id']: r['ring'] for r in read_csv(os.path.join(a.world, 'truth_shipments.csv'))}
    seen = set()
    kept = dropped = 0
    with gzip.open(os.path.join(a.world, 'shipments.csv.gz'), 'rt', encoding='utf-8', newline='') as fi, \
            gzip.GzipFile(os.path.join(a.out, 'shipments.csv.gz'), 'wb', mtime=0) as gz:
        reader = csv.DictReader(fi)
        fo = io.TextIOWrapper(gz, encoding='utf-8', newline='')
        writer = csv.DictWriter(fo, reader.fieldnames, lineterminator='\n')
        writer.writeheader()
        for row in reader:
            s, r = normalise_phone(row['sender_phone']), normalise_phone(row['receiver_phone'])
            ring = ship_ring.get(row['shipment_id'])
            if (a.drop_sales and ring and s in ring_party and r not in ring_party) or \
                    (a.drop_member_ordinary and not ring and (s in ring_party or r in ring_party)):
                dropped += 1
                continue
            if a.known_entry:
                for pc in (('origin_province', 'origin_city'), ('destination_province', 'destination_city')):
                    key = (row[pc[0]], row[pc[1]])
                    if key in KNOWN_ENTRY:
                        row[pc[0]], row[pc[1]] = KNOWN_ENTRY[key]
            writer.writerow(row)
            seen.add(s)
            seen.add(r)
            kept += 1
        fo.flush()
        fo.detach()
    for name in ('truth_shipments.csv', 'truth_rings.csv'):
        shutil.copy(os.path.join(a.world, name), os.path.join(a.out, name))
    rows = list(read_csv(os.path.join(a.world, 'truth_parties.csv')))
    with open(os.path.join(a.out, 'truth_parties.csv'), 'w', newline='', encoding='utf-8') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['party', 'ring', 'tier'])
        for row in rows:
            if normalise_phone(row['party']) in seen:
                w.writerow([row['party'], row['ring'], row['tier']])
    print('%s: %d shipments kept, %d dropped' % (a.out, kept, dropped))


if __name__ == '__main__':
    main()
