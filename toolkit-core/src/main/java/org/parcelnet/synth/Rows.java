package org.parcelnet.synth;

import java.util.Arrays;

/**
 * Shipments before rendering, as parallel primitive arrays (about 70 bytes a row). Names and
 * addresses are 64-bit keys rendered later by {@link Names}; parties are ids rendered as phones.
 */
final class Rows {

    /** {@link #flags} bit: the parcel went by air. */
    static final int AIR = 1;
    /** {@link #flags} bit: the parcel was flagged (seized). */
    static final int FLAGGED = 2;
    /** {@link #flags} bit: the sender name is a shop name, not a person's. */
    static final int MERCHANT_NAME = 4;

    int size;
    long[] time = new long[0];
    int[] originCity = new int[0];
    int[] destCity = new int[0];
    int[] sender = new int[0];
    int[] receiver = new int[0];
    long[] senderName = new long[0];
    long[] receiverName = new long[0];
    long[] senderAddr = new long[0];
    long[] receiverAddr = new long[0];
    /** Address kinds, sender in bits 0–1, receiver in bits 2–3 (see {@link Names#HOME}). */
    byte[] addrKinds = new byte[0];
    byte[] flags = new byte[0];
    byte[] pieces = new byte[0];
    /** Weight in hundredths of a kg. */
    int[] weight = new int[0];
    byte[] carrier = new byte[0];
    byte[] goods = new byte[0];
    /** Ring id (1-based) of a ring parcel, 0 otherwise. */
    short[] ring = new short[0];

    Rows(int capacity) {
        grow(Math.max(16, capacity));
    }

    private void grow(int cap) {
        time = Arrays.copyOf(time, cap);
        originCity = Arrays.copyOf(originCity, cap);
        destCity = Arrays.copyOf(destCity, cap);
        sender = Arrays.copyOf(sender, cap);
        receiver = Arrays.copyOf(receiver, cap);
        senderName = Arrays.copyOf(senderName, cap);
        receiverName = Arrays.copyOf(receiverName, cap);
        senderAddr = Arrays.copyOf(senderAddr, cap);
        receiverAddr = Arrays.copyOf(receiverAddr, cap);
        addrKinds = Arrays.copyOf(addrKinds, cap);
        flags = Arrays.copyOf(flags, cap);
        pieces = Arrays.copyOf(pieces, cap);
        weight = Arrays.copyOf(weight, cap);
        carrier = Arrays.copyOf(carrier, cap);
        goods = Arrays.copyOf(goods, cap);
        ring = Arrays.copyOf(ring, cap);
    }

    /** Appends an empty row and returns its index. */
    int add() {
        if (size == time.length) {
            grow(time.length * 2);
        }
        int i = size++;
        flags[i] = 0;
        addrKinds[i] = 0;
        ring[i] = 0;
        return i;
    }

    /** Copies row {@code i} of {@code src} to a new row here. */
    void copyFrom(Rows src, int i) {
        int j = add();
        time[j] = src.time[i];
        originCity[j] = src.originCity[i];
        destCity[j] = src.destCity[i];
        sender[j] = src.sender[i];
        receiver[j] = src.receiver[i];
        senderName[j] = src.senderName[i];
        receiverName[j] = src.receiverName[i];
        senderAddr[j] = src.senderAddr[i];
        receiverAddr[j] = src.receiverAddr[i];
        addrKinds[j] = src.addrKinds[i];
        flags[j] = src.flags[i];
        pieces[j] = src.pieces[i];
        weight[j] = src.weight[i];
        carrier[j] = src.carrier[i];
        goods[j] = src.goods[i];
        ring[j] = src.ring[i];
    }

    /** Reorders rows by {@code order} (a permutation of 0..size-1). */
    void permute(int[] order) {
        Rows t = new Rows(size);
        for (int k = 0; k < size; k++) {
            t.copyFrom(this, order[k]);
        }
        time = t.time;
        originCity = t.originCity;
        destCity = t.destCity;
        sender = t.sender;
        receiver = t.receiver;
        senderName = t.senderName;
        receiverName = t.receiverName;
        senderAddr = t.senderAddr;
        receiverAddr = t.receiverAddr;
        addrKinds = t.addrKinds;
        flags = t.flags;
        pieces = t.pieces;
        weight = t.weight;
        carrier = t.carrier;
        goods = t.goods;
        ring = t.ring;
    }
}
