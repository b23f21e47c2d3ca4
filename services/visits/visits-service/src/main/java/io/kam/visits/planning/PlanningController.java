package io.kam.visits.planning;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.kam.accounts.api.Region;
import io.kam.accounts.api.RetailFormat;
import io.kam.accounts.api.ValueTier;
import io.kam.platform.web.Versions;
import io.kam.visits.access.VisitAccess;
import io.kam.visits.api.Page;
import io.kam.visits.api.SettingRequests;
import io.kam.visits.api.SettingViews.RegionChangeView;
import io.kam.visits.api.SettingViews.RegionView;
import io.kam.visits.api.SettingViews.StandardChangeView;
import io.kam.visits.api.SettingViews.StandardView;
import io.kam.visits.api.SettingViews.StoreView;
import io.kam.visits.api.VisitRequests;
import io.kam.visits.api.VisitViews.VisitView;
import io.kam.visits.visit.VisitQueries;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Planning: frequency standards, the regions' coordinators, the stores the schedule covers, ad-hoc visits. */
@RestController
@RequestMapping("/api/visits")
class PlanningController {

    private final Standards standards;
    private final ChangeStandard changeStandard;
    private final RegionCoordinators coordinators;
    private final AssignCoordinator assignCoordinator;
    private final StoreDirectory directory;
    private final PlanVisit planVisit;
    private final VisitQueries visits;
    private final VisitAccess access;

    PlanningController(Standards standards, ChangeStandard changeStandard, RegionCoordinators coordinators,
                       AssignCoordinator assignCoordinator, StoreDirectory directory, PlanVisit planVisit,
                       VisitQueries visits, VisitAccess access) {
        this.standards = standards;
        this.changeStandard = changeStandard;
        this.coordinators = coordinators;
        this.assignCoordinator = assignCoordinator;
        this.directory = directory;
        this.planVisit = planVisit;
        this.visits = visits;
        this.access = access;
    }

    @Operation(summary = "The visit frequency standards (拜访频率的标准), by account tier and store format")
    @GetMapping("/standards")
    List<StandardView> standards() {
        access.staff();
        return standards.all();
    }

    @Operation(summary = "Set the standard of a tier and store format; its stores are re-planned at once",
            description = "National KA managers only. Visits from tomorrow to the horizon follow the new frequency: "
                    + "days no longer due are cancelled, new ones planned, the rest kept with their preparation.")
    @PutMapping("/standards/{tier}/{format}")
    StandardChangeView setStandard(@PathVariable ValueTier tier, @PathVariable RetailFormat format,
                                   @Valid @RequestBody SettingRequests.SetStandard request) {
        return changeStandard.set(tier, format, request.frequency(), access.manager());
    }

    @Operation(summary = "Remove the standard of a tier and store format: its stores get no scheduled visits")
    @DeleteMapping("/standards/{tier}/{format}")
    StandardChangeView removeStandard(@PathVariable ValueTier tier, @PathVariable RetailFormat format) {
        return changeStandard.remove(tier, format, access.manager());
    }

    @Operation(summary = "Every region with its coordinator; assigned=false for a region without one")
    @GetMapping("/regions")
    List<RegionView> regions() {
        access.staff();
        return coordinators.all();
    }

    @Operation(summary = "Set the region's coordinator (login name); its visits still to be made move to them",
            description = "National KA managers only.")
    @PutMapping("/regions/{region}/coordinator")
    RegionChangeView assign(@PathVariable Region region, @Valid @RequestBody SettingRequests.AssignCoordinator request) {
        return assignCoordinator.assign(region, request.coordinator(), access.manager());
    }

    @Operation(summary = "Leave the region without a coordinator: its visits still to be made become unassigned")
    @DeleteMapping("/regions/{region}/coordinator")
    RegionChangeView unassign(@PathVariable Region region) {
        return assignCoordinator.assign(region, null, access.manager());
    }

    @Operation(summary = "The stores the schedule knows, with tier, standard and coordinator, or why they get no visits",
            description = "planned=false lists the stores without scheduled visits and the reason: CLOSED, "
                    + "ACCOUNT_NOT_CLASSIFIED, NO_STANDARD. Coordinators see their region's.")
    @GetMapping("/stores")
    Page<StoreView> stores(@RequestParam(required = false) Region region,
                           @RequestParam(required = false) UUID accountId,
                           @RequestParam(required = false) Boolean planned,
                           @RequestParam(defaultValue = "0") @Min(0) int page,
                           @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        var actor = access.staff();
        return directory.search(access.listingRegion(actor, region).orElse(null), accountId, planned, page, size);
    }

    @Operation(summary = "Plan a visit outside the schedule: to an open store of the region, or to a head office",
            description = "A coordinator plans in their own region (403 otherwise); the visit goes to the coordinator "
                    + "named, else to the caller if a coordinator, else to the region's coordinator.")
    @PostMapping
    ResponseEntity<VisitView> plan(@Valid @RequestBody VisitRequests.PlanVisit request) {
        var visit = planVisit.plan(request, access.staff());
        VisitView view = visits.view(visit);
        return ResponseEntity.created(URI.create("/api/visits/" + visit.id())).eTag(Versions.etag(view.version())).body(view);
    }
}
