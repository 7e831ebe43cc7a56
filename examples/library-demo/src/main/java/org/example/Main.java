package org.example;

import java.nio.file.Path;

import org.parcelnet.leads.PartyLead;
import org.parcelnet.pipeline.Analysis;
import org.parcelnet.pipeline.AnalysisOptions;
import org.parcelnet.pipeline.AnalysisResult;
import org.parcelnet.synth.SampleData;

/** Runs ParcelNet's whole pipeline on the sample bundled in the library and prints what it found. */
public class Main {

    public static void main(String[] args) throws Exception {
        Path shipments = args.length > 0 ? Path.of(args[0]) : SampleData.shipments();
        AnalysisResult result = Analysis.run(shipments, AnalysisOptions.builder().seed(42).build());
        PartyLead top = result.leads().parties().get(0);
        System.out.printf("%d rings, %,d relay chains; top lead %s: %s%n", result.rings().ringCount(),
                result.chains().chainCount(), top.id(), top.reasonText());
    }
}
