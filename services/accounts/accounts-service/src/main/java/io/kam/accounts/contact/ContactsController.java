package io.kam.accounts.contact;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.kam.accounts.account.AccountAccess;
import io.kam.accounts.api.AccountRequests.ContactDetails;
import io.kam.accounts.api.AccountViews.ContactView;
import io.kam.accounts.api.Department;
import io.kam.platform.web.ApiProblem;
import io.kam.platform.web.Versions;
import jakarta.validation.Valid;

/** An account's contacts by department (采购, 市场部, 后勤, 门店运作, 财务, 门店扩张). */
@RestController
@RequestMapping("/api/accounts/{accountId}/contacts")
class ContactsController {

    private final ContactBook book;
    private final ContactRepository contacts;
    private final AccountAccess access;

    ContactsController(ContactBook book, ContactRepository contacts, AccountAccess access) {
        this.book = book;
        this.contacts = contacts;
        this.access = access;
    }

    @PostMapping
    ResponseEntity<ContactView> add(@PathVariable UUID accountId, @Valid @RequestBody ContactDetails details) {
        Contact contact = book.add(accountId, details, access.manager());
        return ResponseEntity.created(URI.create("/api/accounts/" + accountId + "/contacts/" + contact.id()))
                .eTag(Versions.etag(contact.version())).body(view(contact));
    }

    @GetMapping
    List<ContactView> list(@PathVariable UUID accountId, @RequestParam(required = false) Department department) {
        access.visible(accountId, access.reader());
        var found = department == null ? contacts.listOf(accountId)
                : contacts.listOf(accountId, department.name());
        return found.stream().map(ContactsController::view).toList();
    }

    @GetMapping("/{contactId}")
    ResponseEntity<ContactView> read(@PathVariable UUID accountId, @PathVariable UUID contactId) {
        access.visible(accountId, access.reader());
        Contact contact = contacts.findByIdAndAccountId(contactId, accountId)
                .orElseThrow(() -> new ApiProblem.NotFound("Contact", contactId));
        return ResponseEntity.ok().eTag(Versions.etag(contact.version())).body(view(contact));
    }

    @PutMapping("/{contactId}")
    ResponseEntity<ContactView> change(@PathVariable UUID accountId, @PathVariable UUID contactId,
                                       @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                       @Valid @RequestBody ContactDetails details) {
        Contact contact = book.change(accountId, contactId, Versions.fromIfMatch(ifMatch), details, access.manager());
        return ResponseEntity.ok().eTag(Versions.etag(contact.version())).body(view(contact));
    }

    @DeleteMapping("/{contactId}")
    ResponseEntity<Void> remove(@PathVariable UUID accountId, @PathVariable UUID contactId,
                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        book.remove(accountId, contactId, Versions.fromIfMatch(ifMatch), access.manager());
        return ResponseEntity.noContent().build();
    }

    static ContactView view(Contact c) {
        return new ContactView(c.id(), c.accountId(), c.name(), c.department(), c.role(), c.level(), c.phone(),
                c.email(), c.version());
    }
}
